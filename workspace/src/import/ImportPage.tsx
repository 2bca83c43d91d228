import { useEffect, useId, useState } from 'react';
import { ApiError, type ApiFailure } from '../../../ui-kit/api/api-failure.ts';
import { failureMessage } from '../../../ui-kit/api/failure-message.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { useLoaded } from '../../../ui-kit/hooks/use-loaded.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useSession } from '../shell/session-context.ts';
import {
  applyTemplate,
  cancelImportRun,
  fetchImport,
  fetchMappingTemplates,
  isRunning,
  issueReportAddress,
  saveMappingTemplate,
  startImportRun,
  uploadImportFile,
  type ColumnMapping,
  type CustomerImport,
  type ImportChoices,
} from './imports-api.ts';

const dedupeKeys = ['name', 'phone', 'keywords'] as const;
const policies = ['skip', 'update', 'createAnyway'] as const;
const pollEveryMs = 1_000;

function failureOf(error: unknown): ApiFailure {
  return error instanceof ApiError ? error.failure : { kind: 'unreachable' };
}

/**
 * EXCEL 导入客户: upload a spreadsheet, check the suggested mapping (or apply a saved template, or save this one),
 * choose the stage, owner and dedupe policy, dry-run it, import it, and watch the progress to the counts and the
 * error report. Every step is a form control, so the whole page works from the keyboard.
 */
export function ImportPage() {
  const { api, me, stages, stageName, people, personName } = useSession();
  const { t, locale } = useI18n();
  useDocumentTitle(t('import.title'));
  const ids = { file: useId(), template: useId(), templateName: useId(), stage: useId(), owner: useId(), progress: useId() };
  const [current, setCurrent] = useState<CustomerImport>();
  const [mapping, setMapping] = useState<ColumnMapping[]>([]);
  // Only the upload's answer carries sample rows; later answers (progress) do not.
  const [firstRow, setFirstRow] = useState<ReadonlyArray<string | null>>([]);
  const [stage, setStage] = useState(stages[0]?.key ?? '');
  const [ownerKind, setOwnerKind] = useState<'self' | 'pool' | 'user'>('self');
  const [ownerId, setOwnerId] = useState<number>();
  const [by, setBy] = useState<Array<(typeof dedupeKeys)[number]>>(['name', 'phone']);
  const [policy, setPolicy] = useState<(typeof policies)[number]>('skip');
  const [templateName, setTemplateName] = useState('');
  const [shareTemplate, setShareTemplate] = useState(false);
  const [failure, setFailure] = useState<ApiFailure>();
  const [busy, setBusy] = useState(false);
  const templates = useLoaded(() => fetchMappingTemplates(api), [api]);

  // While a run is queued or running, its progress is read again every second.
  const running = current !== undefined && isRunning(current.status);
  useEffect(() => {
    if (!running || current === undefined) return;
    const timer = setTimeout(() => {
      fetchImport(api, current.id).then(setCurrent, (error: unknown) => setFailure(failureOf(error)));
    }, pollEveryMs);
    return () => clearTimeout(timer);
  }, [api, current, running]);

  async function act(action: () => Promise<void>) {
    setBusy(true);
    setFailure(undefined);
    try {
      await action();
    } catch (error) {
      setFailure(failureOf(error));
    } finally {
      setBusy(false);
    }
  }

  const upload = (file: File) =>
    act(async () => {
      const uploaded = await uploadImportFile(file, locale);
      setCurrent(uploaded);
      setFirstRow(uploaded.sampleRows?.[0] ?? []);
      setMapping(uploaded.suggestedMapping ?? uploaded.headers.map((header) => ({ header, target: null })));
    });

  const choices = (): ImportChoices => ({
    mapping,
    stage,
    owner: ownerKind === 'user' && ownerId !== undefined ? { kind: 'user', userId: ownerId } : ownerKind === 'user' ? { kind: 'self' } : { kind: ownerKind },
    dedupe: { by, policy },
  });
  const run = (mode: 'dryRun' | 'import') => act(async () => setCurrent(await startImportRun(api, current!.id, mode, choices())));
  const cancel = () => act(async () => setCurrent(await cancelImportRun(api, current!.id)));
  const saveTemplate = () =>
    act(async () => {
      await saveMappingTemplate(api, templateName.trim(), shareTemplate, mapping);
      setTemplateName('');
      templates.reload();
    });

  const targetLabel = (target: string) => current?.targets?.find((known) => known.target === target)?.label[locale] ?? target;
  const done = current?.rowsDone ?? 0;
  const total = current?.rowsTotal ?? 0;
  const editable = current !== undefined && current.mode !== 'import' && !running;

  return (
    <section className="page import-page">
      <header className="page-header">
        <h1 tabIndex={-1}>{t('import.title')}</h1>
        <p className="hint">{t('import.hint')}</p>
      </header>

      <section aria-labelledby={`${ids.file}-heading`}>
        <h2 id={`${ids.file}-heading`}>{t('import.step.file')}</h2>
        <label htmlFor={ids.file}>{t('import.file')}</label>
        <input
          id={ids.file}
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          disabled={busy || running}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file !== undefined) void upload(file);
          }}
        />
        {current !== undefined && <p className="hint">{t('import.fileRead', { name: current.fileName, rows: current.rowsTotal })}</p>}
      </section>

      {failure !== undefined && (
        <div className="form-error" role="alert">
          <p>{failureMessage(failure, t)}</p>
          {failure.kind === 'problem' && (failure.problem.errors ?? []).length > 0 && (
            <ul>
              {failure.problem.errors!.map((error) => (
                <li key={`${error.path}:${error.message}`}>
                  <code>{error.path}</code> {error.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      {current !== undefined && (
        <section aria-labelledby={`${ids.template}-heading`}>
          <h2 id={`${ids.template}-heading`}>{t('import.step.mapping')}</h2>
          {(templates.value ?? []).length > 0 && (
            <p>
              <label htmlFor={ids.template}>{t('import.template.apply')}</label>{' '}
              <select
                id={ids.template}
                disabled={!editable}
                defaultValue=""
                onChange={(event) => {
                  const template = templates.value?.find((candidate) => String(candidate.id) === event.target.value);
                  if (template !== undefined) setMapping(applyTemplate(mapping, template));
                }}
              >
                <option value="">{t('import.template.none')}</option>
                {templates.value!.map((template) => (
                  <option key={template.id} value={template.id}>
                    {template.shared && !template.mine ? t('import.template.sharedName', { name: template.name }) : template.name}
                  </option>
                ))}
              </select>
            </p>
          )}
          <table className="records import-mapping">
            <thead>
              <tr>
                <th scope="col">{t('import.column')}</th>
                <th scope="col">{t('import.sample')}</th>
                <th scope="col">{t('import.target')}</th>
              </tr>
            </thead>
            <tbody>
              {mapping.map((column, index) => (
                <tr key={column.header}>
                  <th scope="row">{column.header}</th>
                  <td>{firstRow[current.headers.indexOf(column.header)] ?? ''}</td>
                  <td>
                    <select
                      aria-label={t('import.targetOf', { column: column.header })}
                      value={column.target ?? ''}
                      disabled={!editable}
                      onChange={(event) =>
                        setMapping(mapping.map((entry, at) => (at === index ? { header: entry.header, target: event.target.value === '' ? null : event.target.value } : entry)))
                      }
                    >
                      <option value="">{t('import.target.none')}</option>
                      {(current.targets ?? []).map((target) => (
                        <option key={target.target} value={target.target}>
                          {targetLabel(target.target)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              if (templateName.trim() !== '') void saveTemplate();
            }}
          >
            <label htmlFor={ids.templateName}>{t('import.template.name')}</label>{' '}
            <input id={ids.templateName} value={templateName} maxLength={120} onChange={(event) => setTemplateName(event.target.value)} />{' '}
            <label>
              <input type="checkbox" checked={shareTemplate} onChange={(event) => setShareTemplate(event.target.checked)} /> {t('import.template.share')}
            </label>{' '}
            <button type="submit" disabled={busy || templateName.trim() === ''}>
              {t('import.template.save')}
            </button>
          </form>
        </section>
      )}

      {current !== undefined && (
        <section aria-labelledby={`${ids.stage}-heading`}>
          <h2 id={`${ids.stage}-heading`}>{t('import.step.choices')}</h2>
          <p>
            <label htmlFor={ids.stage}>{t('import.stage')}</label>{' '}
            <select id={ids.stage} value={stage} disabled={!editable} onChange={(event) => setStage(event.target.value)}>
              {stages.map((candidate) => (
                <option key={candidate.key} value={candidate.key}>
                  {stageName(candidate.key)}
                </option>
              ))}
            </select>
          </p>
          <fieldset disabled={!editable}>
            <legend>{t('import.owner')}</legend>
            {(['self', 'pool', ...(me.role.permissions.mayReassign ? ['user' as const] : [])] as const).map((kind) => (
              <label key={kind}>
                <input type="radio" name={ids.owner} checked={ownerKind === kind} onChange={() => setOwnerKind(kind)} /> {t(`import.owner.${kind}`)}
              </label>
            ))}
            {ownerKind === 'user' && (
              <select aria-label={t('import.owner.user')} value={ownerId ?? ''} onChange={(event) => setOwnerId(event.target.value === '' ? undefined : Number(event.target.value))}>
                <option value="">{t('import.owner.choose')}</option>
                {people
                  .filter((person) => person.active)
                  .map((person) => (
                    <option key={person.id} value={person.id}>
                      {personName(person.id)}
                    </option>
                  ))}
              </select>
            )}
          </fieldset>
          <fieldset disabled={!editable}>
            <legend>{t('import.dedupeBy')}</legend>
            {dedupeKeys.map((key) => (
              <label key={key}>
                <input
                  type="checkbox"
                  checked={by.includes(key)}
                  onChange={(event) => setBy(event.target.checked ? [...by, key] : by.filter((chosen) => chosen !== key))}
                />{' '}
                {t(`import.dedupe.${key}`)}
              </label>
            ))}
          </fieldset>
          <fieldset disabled={!editable}>
            <legend>{t('import.policy')}</legend>
            {policies.map((choice) => (
              <label key={choice}>
                <input type="radio" name={`${ids.owner}-policy`} checked={policy === choice} onChange={() => setPolicy(choice)} /> {t(`import.policy.${choice}`)}
              </label>
            ))}
          </fieldset>
          <p className="button-row">
            <button type="button" disabled={busy || !editable} onClick={() => void run('dryRun')}>
              {t('import.dryRun')}
            </button>{' '}
            <button type="button" className="primary" disabled={busy || !editable} onClick={() => void run('import')}>
              {t('import.start')}
            </button>
          </p>
        </section>
      )}

      {current !== undefined && current.mode !== null && (
        <section aria-labelledby={`${ids.progress}-heading`}>
          <h2 id={`${ids.progress}-heading`}>{current.mode === 'dryRun' ? t('import.step.dryRun') : t('import.step.import')}</h2>
          <p role="status">{t(`import.status.${current.status}`)}</p>
          <progress max={Math.max(total, 1)} value={done} aria-label={t('import.progress', { done, total })} />
          <p>{t('import.progress', { done, total })}</p>
          <dl className="import-counts">
            {(['created', 'updated', 'skipped', 'rejected'] as const).map((count) => (
              <div key={count}>
                <dt>{t(`import.count.${count}`)}</dt>
                <dd>{current.counts[count]}</dd>
              </div>
            ))}
          </dl>
          {current.failure !== null && <p className="form-error">{current.failure}</p>}
          {running && (
            <button type="button" disabled={busy || current.cancelRequested} onClick={() => void cancel()}>
              {current.cancelRequested ? t('import.cancelling') : t('import.cancel')}
            </button>
          )}
          {!running && current.counts.skipped + current.counts.rejected > 0 && (
            <p>
              {t('import.report')}: <a href={issueReportAddress(current.id, 'xlsx')}>.xlsx</a> · <a href={issueReportAddress(current.id, 'csv')}>.csv</a>
            </p>
          )}
        </section>
      )}
    </section>
  );
}
