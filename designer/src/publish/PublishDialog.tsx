import { useEffect, useState } from 'react';
import type { MachineDefinition } from '../../../definitions/machine.schema.ts';
import { ApiError } from '../../../ui-kit/api/api-failure.ts';
import { hasImpactPreview, type DefinitionKind, type DefinitionsApi, type MachineImpact, type MigrationProgress, type RuleImpact } from '../api/definitions-api.ts';
import { ModalDialog } from '../dialogs/ModalDialog.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { FailureProblems } from '../problems/ProblemList.tsx';

interface PublishDialogProps {
  api: DefinitionsApi;
  kind: DefinitionKind;
  definitionKey: string;
  document: unknown;
  onClose(): void;
  onPublished(version: number): void;
}

const migrationPollMs = 500;

/**
 * Publishing, previewed first: which records the new version touches (for a machine, the records in states that
 * disappear or change, with a state map pre-filled from the API's suggestion), then the publish itself and the
 * migration that moves records, with its progress.
 */
export function PublishDialog({ api, kind, definitionKey, document, onClose, onPublished }: PublishDialogProps) {
  const { locale, t } = useI18n();
  const [impact, setImpact] = useState<MachineImpact | RuleImpact | undefined>();
  const [stateMap, setStateMap] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [published, setPublished] = useState<number | undefined>();
  const [migration, setMigration] = useState<MigrationProgress | undefined>();
  const states = kind === 'machine' ? Object.keys((document as MachineDefinition).states) : [];

  const previewed = hasImpactPreview(kind);

  useEffect(() => {
    if (!previewed) return;
    api.impact(kind, definitionKey, document).then(
      (answer) => {
        setImpact(answer);
        if (answer.kind === 'machine') setStateMap(answer.suggestedStateMap);
      },
      (error: unknown) => error instanceof ApiError && setFailure(error),
    );
  }, []);

  useEffect(() => {
    if (migration === undefined || migration.state === 'done' || migration.state === 'failed') return;
    const timer = setTimeout(() => api.migration(migration.id).then(setMigration, () => {}), migrationPollMs);
    return () => clearTimeout(timer);
  }, [migration]);

  async function publish() {
    setFailure(undefined);
    try {
      const mapped = Object.fromEntries(Object.entries(stateMap).filter(([, target]) => target !== ''));
      const answer = await api.publish(kind, definitionKey, {
        document,
        ...(note === '' ? {} : { note }),
        ...(Object.keys(mapped).length === 0 ? {} : { stateMap: mapped }),
      });
      setPublished(answer.version);
      if (answer.migration !== null) setMigration({ id: answer.migration.id, state: 'queued', total: answer.migration.total, done: 0 });
      onPublished(answer.version);
    } catch (error) {
      if (error instanceof ApiError) setFailure(error);
      else throw error;
    }
  }

  const mappable = impact?.kind === 'machine' ? impact.affectedStates.filter((affected) => affected.change !== 'changed' && affected.count > 0) : [];
  return (
    <ModalDialog labelledBy="publish-title" onClose={onClose}>
      <h2 id="publish-title">{t('publish.title')}</h2>
      {!previewed && <p>{t('publish.noPreview')}</p>}
      {previewed && impact === undefined && failure === undefined && <p role="status">{t('publish.previewing')}</p>}
      {impact?.kind === 'machine' && (
        <section aria-label={t('publish.impact')}>
          <h3>{t('publish.impact')}</h3>
          <p>{t('publish.olderVersions', { count: impact.recordsOnOlderVersions })}</p>
          {impact.affectedStates.length === 0 ? (
            <p>{t('publish.noAffected')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('publish.state')}</th>
                  <th scope="col">{t('publish.change')}</th>
                  <th scope="col">{t('publish.count')}</th>
                  <th scope="col">{t('publish.sample')}</th>
                </tr>
              </thead>
              <tbody>
                {impact.affectedStates.map((affected) => (
                  <tr key={affected.state} data-state={affected.state}>
                    <td>{affected.state}</td>
                    <td>{t(`publish.change.${affected.change}`)}</td>
                    <td>{affected.count}</td>
                    <td>{affected.sample.map((record) => record.name).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {mappable.length > 0 && (
            <fieldset disabled={published !== undefined}>
              <legend>{t('publish.stateMap')}</legend>
              {mappable.map((affected) => (
                <label key={affected.state}>
                  {t('publish.moveFrom', { state: affected.state })}
                  <select value={stateMap[affected.state] ?? ''} onChange={(event) => setStateMap({ ...stateMap, [affected.state]: event.target.value })}>
                    <option value="">—</option>
                    {states.map((state) => (
                      <option key={state} value={state}>
                        {state}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </fieldset>
          )}
        </section>
      )}
      {impact?.kind === 'rule' && (
        <section aria-label={t('publish.impact')}>
          <h3>{t('publish.impact')}</h3>
          <p>{t('publish.ruleCount', { count: impact.count })}</p>
          <ul>
            {impact.sample.map((record) => (
              <li key={record.id}>
                {record.name}: {record.reason[locale]}
              </li>
            ))}
          </ul>
        </section>
      )}
      {failure && <FailureProblems failure={failure.failure} />}
      {published === undefined ? (
        <>
          <label>
            {t('publish.note')}
            <input autoFocus value={note} onChange={(event) => setNote(event.target.value)} />
          </label>
          <div className="buttons">
            <button type="button" className="primary" onClick={() => void publish()} disabled={previewed && impact === undefined && failure === undefined}>
              {t('publish.confirm')}
            </button>
            <button type="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p role="status">{t('publish.done', { version: published })}</p>
          {migration && (
            <div className="migration">
              <label>
                {t(`publish.migration.${migration.state}`)}
                <progress max={Math.max(migration.total, 1)} value={migration.state === 'done' ? Math.max(migration.total, 1) : migration.done} />
              </label>
              <span>
                {migration.done} / {migration.total}
              </span>
              {migration.error && <p role="alert">{migration.error}</p>}
            </div>
          )}
          <button type="button" onClick={onClose} autoFocus>
            {t('common.close')}
          </button>
        </>
      )}
    </ModalDialog>
  );
}
