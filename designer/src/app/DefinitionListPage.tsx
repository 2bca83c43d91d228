import { useState } from 'react';
import type { ApiClient } from '../../../ui-kit/api/api-client.ts';
import { ApiError } from '../../../ui-kit/api/api-failure.ts';
import { failureMessage } from '../../../ui-kit/api/failure-message.ts';
import { definitionKinds, definitionsApi, type DefinitionKind, type DefinitionSummary } from '../api/definitions-api.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { MessageKey } from '../i18n/translate.ts';
import { FailureProblems } from '../problems/ProblemList.tsx';
import { navigate } from '../../../ui-kit/routing/address-bar.ts';
import { Link } from '../../../ui-kit/routing/Link.tsx';
import { pathOf } from './routes.ts';
import { useLoaded } from '../../../ui-kit/hooks/use-loaded.ts';

export const kindTitles: Record<DefinitionKind, MessageKey> = {
  machine: 'kind.machine',
  rule: 'kind.rule',
  queuePolicy: 'kind.queuePolicy',
  routingPolicy: 'kind.routingPolicy',
  leadConversion: 'kind.leadConversion',
  factCatalogue: 'kind.factCatalogue',
  fieldDefinitions: 'kind.fieldDefinitions',
};

/** Every definition by kind, with its latest version and whether a draft is waiting; JSON import starts a draft. */
export function DefinitionListPage({ api }: { api: ApiClient }) {
  const { locale, t } = useI18n();
  const list = useLoaded(() => definitionsApi(api).list(), []);
  const [importFailure, setImportFailure] = useState<ApiError | undefined>();

  async function importFile(file: File) {
    setImportFailure(undefined);
    try {
      const parsed = JSON.parse(await file.text()) as { kind: DefinitionKind; key: string; document: unknown };
      await definitionsApi(api).import(parsed.kind, parsed.key, parsed.document);
      navigate(pathOf({ page: 'definition', kind: parsed.kind, key: parsed.key }));
    } catch (error) {
      setImportFailure(error instanceof ApiError ? error : new ApiError({ kind: 'problem', problem: { type: 'malformed-json', title: t('import.notJson'), status: 400, detail: t('import.notJson') } }));
    }
  }

  if (list.status === 'loading') return <main><p role="status">{t('app.loading')}</p></main>;
  if (list.status === 'failed') return <main><p role="alert">{failureMessage(list.failure, t)}</p></main>;
  const byKind = new Map<DefinitionKind, DefinitionSummary[]>();
  for (const item of list.value.items) byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item]);
  return (
    <main className="definition-list">
      <h1>{t('list.title')}</h1>
      <label className="import-button">
        {t('import.label')}
        <input type="file" accept="application/json,.json" onChange={(event) => event.target.files?.[0] && void importFile(event.target.files[0])} />
      </label>
      {importFailure && <FailureProblems failure={importFailure.failure} />}
      {definitionKinds.filter((kind) => byKind.has(kind)).map((kind) => (
        <section key={kind} aria-labelledby={`kind-${kind}`}>
          <h2 id={`kind-${kind}`}>{t(kindTitles[kind])}</h2>
          <ul>
            {byKind.get(kind)!.map((item) => {
              const href = pathOf({ page: 'definition', kind: item.kind, key: item.key });
              return (
                <li key={item.key}>
                  <Link href={href}>{item.title?.[locale] ?? item.key}</Link>{' '}
                  <code>{item.key}</code> <span className="muted">{t('list.version', { version: item.latestVersion })}</span>
                  {item.draft && <span className="badge">{t('list.draft')}</span>}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </main>
  );
}
