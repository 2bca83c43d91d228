import { useMemo, useState } from 'react';
import type { DefinitionChange } from '../../../engine/diff/definition-change.ts';
import { ApiError } from '../../../ui-kit/api/api-failure.ts';
import type { DefinitionKind, DefinitionsApi } from '../api/definitions-api.ts';
import { useLoaded } from '../../../ui-kit/hooks/use-loaded.ts';
import { createFormatters } from '../../../ui-kit/i18n/format.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { FailureProblems } from '../problems/ProblemList.tsx';
import { diffMarksOf } from './diff-marks.ts';
import type { DiffMarks } from '../machine/machine-graph.ts';

interface VersionsPanelProps {
  api: DefinitionsApi;
  kind: DefinitionKind;
  definitionKey: string;
  /** The version the editor is based on: the list is read again when a publish changes it. */
  latestVersion: number;
  onMarks(marks: DiffMarks | undefined): void;
  /** Rolling back: publish this older version's document again. */
  onRepublish(version: number, document: unknown): void;
}

/** The published versions, newest first; any two (or one and the draft) compared, the changes listed and drawn. */
export function VersionsPanel({ api, kind, definitionKey, latestVersion, onMarks, onRepublish }: VersionsPanelProps) {
  const { locale, t } = useI18n();
  const format = useMemo(() => createFormatters(locale), [locale]);
  const versions = useLoaded(() => api.versions(kind, definitionKey), [kind, definitionKey, latestVersion]);
  const [from, setFrom] = useState<string>('');
  const [to, setTo] = useState<string>('draft');
  const [changes, setChanges] = useState<DefinitionChange[] | undefined>();
  const [failure, setFailure] = useState<ApiError | undefined>();

  if (versions.status !== 'ready') return <p role="status">{t('app.loading')}</p>;
  const items = versions.value.items;
  const fromVersion = from === '' ? (items[0]?.version ?? 1) : Number(from);

  async function compare() {
    setFailure(undefined);
    try {
      const diff = await api.diff(kind, definitionKey, fromVersion, to === 'draft' ? 'draft' : Number(to));
      setChanges(diff.changes);
      onMarks(diffMarksOf(diff.changes));
    } catch (error) {
      if (error instanceof ApiError) setFailure(error);
      else throw error;
    }
  }

  return (
    <section className="side-panel" aria-label={t('versions.title')}>
      <h2>{t('versions.title')}</h2>
      <ol className="versions">
        {items.map((item) => (
          <li key={item.version}>
            <strong>v{item.version}</strong> <span className="muted">{format.dateTime(item.publishedAt)}</span> {item.note}
            {item.version !== items[0]?.version && (
              <button type="button" onClick={async () => onRepublish(item.version, (await api.version(kind, definitionKey, item.version)).document)}>
                {t('versions.rollback', { version: item.version })}
              </button>
            )}
          </li>
        ))}
      </ol>
      <div className="compare">
        <label>
          {t('versions.from')}
          <select value={String(fromVersion)} onChange={(event) => setFrom(event.target.value)}>
            {items.map((item) => (
              <option key={item.version} value={item.version}>
                v{item.version}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('versions.to')}
          <select value={to} onChange={(event) => setTo(event.target.value)}>
            <option value="draft">{t('versions.draft')}</option>
            {items.map((item) => (
              <option key={item.version} value={item.version}>
                v{item.version}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void compare()}>
          {t('versions.compare')}
        </button>
        {changes !== undefined && (
          <button type="button" onClick={() => { setChanges(undefined); onMarks(undefined); }}>
            {t('versions.clear')}
          </button>
        )}
      </div>
      {failure && <FailureProblems failure={failure.failure} />}
      {changes !== undefined && (
        <ul className="changes" aria-label={t('versions.changes')}>
          {changes.length === 0 && <li>{t('versions.noChanges')}</li>}
          {changes.map((change, index) => (
            <li key={index} className={`change-${change.kind}`}>
              {change.summary[locale]}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
