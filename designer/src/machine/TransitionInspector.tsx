import { useId } from 'react';
import type { Condition } from '../../../definitions/condition.schema.ts';
import type { EffectInvocation } from '../../../definitions/effect-catalogue.schema.ts';
import type { FactCatalogue } from '../../../definitions/fact-catalogue.schema.ts';
import { stagePermissions, type EventTransition, type MachineDefinition } from '../../../definitions/machine.schema.ts';
import type { ProblemEntry } from '../problems/problem-entry.ts';
import { ConditionBuilder } from '../conditions/ConditionBuilder.tsx';
import { leafFor } from '../conditions/condition-draft.ts';
import { EffectsEditor } from '../effects/EffectsEditor.tsx';
import { CommitInput, ListInput } from '../forms/CommitInput.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { removeTransition, setEventLabel, updateTransition, type MachineEdit } from '../model/machine-edits.ts';
import { findTransition, triggerName } from '../model/machine-transitions.ts';
import { ProblemList } from '../problems/ProblemList.tsx';
import { problemsUnder } from '../problems/problem-locations.ts';
import type { RoleNames } from '../roles/role-names.ts';

interface TransitionInspectorProps {
  machine: MachineDefinition;
  pointer: string;
  problems: readonly ProblemEntry[];
  catalogue: FactCatalogue | undefined;
  roles: RoleNames;
  edit(change: MachineEdit): void;
  onDeleted(): void;
}

/** A transition's settings: its target, who may take it, what it needs, its guard and its effects. */
export function TransitionInspector({ machine, pointer, problems, catalogue, roles, edit, onDeleted }: TransitionInspectorProps) {
  const { t } = useI18n();
  const targetId = useId();
  const located = findTransition(machine, pointer);
  if (located === undefined) return null;
  const transition = located.transition as EventTransition;
  const update = (patch: Partial<Record<keyof EventTransition, unknown>>) => edit(updateTransition(located, patch as Partial<EventTransition>));
  const event = located.trigger.kind === 'on' ? located.trigger.event : undefined;
  const eventLabel = event === undefined ? undefined : machine.events[event]?.label;
  const own = problemsUnder(problems, pointer);
  const targetMissing = transition.target !== undefined && !(transition.target in machine.states);
  // A field is marked when a problem's path lies in it, e.g. /states/a/on/E/requiredFields/0.
  const invalid = (field: string) => problemsUnder(own, `${pointer}/${field}`).length > 0;
  return (
    <section className="inspector" aria-label={t('transition.inspector')}>
      <h2>
        {t('transition.title')} <code>{located.source}</code> → <code>{transition.target ?? '·'}</code>
      </h2>
      {own.length > 0 && <ProblemList title={t('problems.here')} problems={own} />}
      <p>
        {t('transition.trigger')}: <code>{triggerName(located.trigger)}</code>
      </p>
      {event !== undefined && eventLabel !== undefined && (
        <>
          <CommitInput label={t('transition.eventLabelZh')} value={eventLabel['zh-CN']} onCommit={(value) => edit(setEventLabel(event, { ...eventLabel, 'zh-CN': value }))} />
          <CommitInput label={t('transition.eventLabelEn')} value={eventLabel.en} onCommit={(value) => edit(setEventLabel(event, { ...eventLabel, en: value }))} />
        </>
      )}
      <label htmlFor={targetId}>{t('transition.target')}</label>
      <select id={targetId} aria-invalid={targetMissing || invalid('target') || undefined} value={transition.target ?? ''} onChange={(e) => update({ target: e.target.value === '' ? undefined : e.target.value })}>
          <option value="">{t('transition.noTarget')}</option>
          {targetMissing && <option value={transition.target}>{t('transition.missingTarget', { state: transition.target! })}</option>}
          {Object.keys(machine.states).map((key) => (
            <option key={key} value={key}>
              {key}
            </option>
          ))}
      </select>
      {located.trigger.kind === 'on' && (
        <>
          <RoleChoices roles={roles} value={transition.roles} invalid={invalid('roles')} onChange={(chosen) => update({ roles: chosen })} />
          <label>
            {t('transition.permission')}
            <select aria-invalid={invalid('permission') || undefined} value={transition.permission ?? ''} onChange={(e) => update({ permission: e.target.value === '' ? undefined : e.target.value })}>
              <option value="">—</option>
              {stagePermissions.map((permission) => (
                <option key={permission} value={permission}>
                  {t(`permission.${permission}`)}
                </option>
              ))}
            </select>
          </label>
          <ListInput label={t('transition.requiredFields')} invalid={invalid('requiredFields')} value={transition.requiredFields} onCommit={(requiredFields) => update({ requiredFields })} />
        </>
      )}
      <fieldset aria-invalid={invalid('guard') || undefined}>
        <legend>{t('transition.guard')}</legend>
        {transition.guard === undefined ? (
          catalogue && (
            <button type="button" onClick={() => update({ guard: { all: [leafFor(catalogue.facts[0]!)] } })}>
              {t('transition.addGuard')}
            </button>
          )
        ) : catalogue ? (
          <>
            <ConditionBuilder label={t('transition.guard')} condition={transition.guard as Condition} catalogue={catalogue} onChange={(guard) => update({ guard })} />
            <button type="button" onClick={() => update({ guard: undefined })}>
              {t('transition.removeGuard')}
            </button>
          </>
        ) : (
          <code>{JSON.stringify(transition.guard)}</code>
        )}
      </fieldset>
      <EffectsEditor label={t('transition.actions')} effects={(transition.actions ?? []) as EffectInvocation[]} onChange={(actions) => update({ actions: actions.length === 0 ? undefined : actions })} />
      <button
        type="button"
        className="danger"
        onClick={() => {
          edit(removeTransition(located));
          onDeleted();
        }}
      >
        {t('transition.delete')}
      </button>
    </section>
  );
}

/** Who may take the transition: a box per role, by its label; none ticked leaves it to the stage permission alone. */
function RoleChoices({ roles, value, invalid, onChange }: { roles: RoleNames; value: readonly string[] | undefined; invalid: boolean; onChange(roles: string[] | undefined): void }) {
  const { t } = useI18n();
  const chosen = value ?? [];
  return (
    <fieldset className="role-choices" aria-invalid={invalid || undefined}>
      <legend>{t('transition.roles')}</legend>
      {roles.keys.map((role) => (
        <label key={role}>
          <input
            type="checkbox"
            checked={chosen.includes(role)}
            onChange={(event) => {
              const next = event.target.checked ? roles.keys.filter((key) => key === role || chosen.includes(key)) : chosen.filter((key) => key !== role);
              onChange(next.length === 0 ? undefined : next);
            }}
          />
          {roles.label(role)}
        </label>
      ))}
    </fieldset>
  );
}
