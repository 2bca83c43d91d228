import { useState } from 'react';
import type { FactCatalogue } from '../../../definitions/fact-catalogue.schema.ts';
import type { MachineDefinition } from '../../../definitions/machine.schema.ts';
import { explainTransitionTrace } from '../../../engine/machines/explain-transition-trace.ts';
import { ApiError } from '../../../ui-kit/api/api-failure.ts';
import type { DefinitionsApi, SimulationStep } from '../api/definitions-api.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { FailureProblems } from '../problems/ProblemList.tsx';

/**
 * Fires events step by step at a real record with the draft machine: each step shows whether it was accepted, the
 * state it leads to, why it was refused, the guard results and the effects it would emit. Nothing is written.
 */
export function SimulationPanel({ api, definitionKey, machine, catalogue }: { api: DefinitionsApi; definitionKey: string; machine: MachineDefinition; catalogue: FactCatalogue | undefined }) {
  const { locale, t } = useI18n();
  const [recordId, setRecordId] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  const [event, setEvent] = useState(Object.keys(machine.events)[0] ?? '');
  const [steps, setSteps] = useState<SimulationStep[] | undefined>();
  const [failure, setFailure] = useState<ApiError | undefined>();

  async function run(list: string[]) {
    setFailure(undefined);
    try {
      const answer = await api.simulate('machine', definitionKey, machine, Number(recordId), list.map((type) => ({ type })));
      setSteps(answer.steps);
    } catch (error) {
      if (error instanceof ApiError) setFailure(error);
      else throw error;
    }
  }

  return (
    <section className="side-panel" aria-label={t('simulation.title')}>
      <h2>{t('simulation.title')}</h2>
      <label>
        {t('simulation.recordId')}
        <input inputMode="numeric" value={recordId} onChange={(e) => setRecordId(e.target.value.replace(/\D/g, ''))} />
      </label>
      <label>
        {t('simulation.event')}
        <select value={event} onChange={(e) => setEvent(e.target.value)}>
          {Object.entries(machine.events).map(([name, declared]) => (
            <option key={name} value={name}>
              {declared.label[locale]} ({name})
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        disabled={recordId === '' || event === ''}
        onClick={() => {
          const next = [...events, event];
          setEvents(next);
          void run(next);
        }}
      >
        {t('simulation.fire')}
      </button>
      <button type="button" onClick={() => { setEvents([]); setSteps(undefined); }}>
        {t('simulation.reset')}
      </button>
      {failure && <FailureProblems failure={failure.failure} />}
      {steps && (
        <ol className="simulation-steps">
          {steps.map((step, index) => (
            <li key={index} className={step.accepted ? 'accepted' : 'refused'} data-event={step.event}>
              <strong>{step.event}</strong>: {step.from} → {step.to} {step.accepted ? '✓' : '✗'}
              {step.refusal && <p>{step.refusal.message[locale]}</p>}
              {catalogue && (
                <ul className="trace-words" aria-label={t('simulation.trace')}>
                  {explainTransitionTrace(step.trace, catalogue, locale).map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              )}
              {step.effects.length > 0 && (
                <details>
                  <summary>{t('simulation.effects', { count: step.effects.length })}</summary>
                  <pre>{JSON.stringify(step.effects, null, 2)}</pre>
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
