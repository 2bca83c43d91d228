import { useId, useState } from 'react';
import { createCallScript, fetchCallScripts, updateCallScript, type CallScript } from '../api/call-scripts.ts';
import { failureMessage } from '../../../ui-kit/api/failure-message.ts';
import { useLoaded } from '../../../ui-kit/hooks/use-loaded.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useSession } from '../shell/session-context.ts';
import { CallScriptForm, type ScriptText } from './CallScriptForm.tsx';

/**
 * 话术 beside the contact log: the person's own scripts and the reference ones for the customer's stage (and for any
 * stage), searchable; each opens in place, and those the person may change have Edit. A new personal script for this
 * stage is written from here too.
 */
export function CallScriptPanel({ stage }: { stage: string | undefined }) {
  const { api, stageName } = useSession();
  const { t } = useI18n();
  const id = useId();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [writing, setWriting] = useState(false);
  const [editing, setEditing] = useState<number>();
  const scripts = useLoaded(() => fetchCallScripts(api, { ...(stage === undefined ? {} : { stage }), q: query }), [api, stage, query]);

  async function create(text: ScriptText) {
    await createCallScript(api, { ...text, ...(stage === undefined ? {} : { stages: [stage] }) });
    setWriting(false);
    scripts.reload();
  }

  async function change(script: CallScript, text: ScriptText) {
    await updateCallScript(api, script, text);
    setEditing(undefined);
    scripts.reload();
  }

  const items = scripts.value?.items ?? [];
  return (
    <aside className="call-script-panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{stage === undefined ? t('scripts.title') : t('scripts.titleForStage', { stage: stageName(stage) })}</h3>
      <div className="call-script-search" role="search">
        <label htmlFor={`${id}-q`} className="visually-hidden">
          {t('scripts.search')}
        </label>
        <input
          id={`${id}-q`}
          type="search"
          placeholder={t('scripts.search')}
          value={search}
          maxLength={100}
          onChange={(event) => setSearch(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            setQuery(search);
          }}
        />
      </div>
      {scripts.status === 'failed' && (
        <p className="form-error" role="alert">
          {failureMessage(scripts.failure, t)}
        </p>
      )}
      {scripts.value !== undefined && items.length === 0 && <p className="hint">{t('scripts.empty')}</p>}
      <ul className="call-script-list">
        {items.map((script) => (
          <li key={script.id} data-script-id={script.id} data-kind={script.kind}>
            {editing === script.id ? (
              <CallScriptForm initial={{ title: script.title, body: script.body }} onSave={(text) => change(script, text)} onCancel={() => setEditing(undefined)} />
            ) : (
              <details>
                <summary>
                  {script.title} <span className="badge">{t(script.kind === 'personal' ? 'scripts.kind.personal' : 'scripts.kind.reference')}</span>
                </summary>
                <p className="call-script-body">{script.body}</p>
                {script.tags.length > 0 && <p className="hint">{script.tags.join(' · ')}</p>}
                {script.editable && (
                  <button type="button" onClick={() => setEditing(script.id)} aria-label={t('scripts.editNamed', { title: script.title })}>
                    {t('scripts.edit')}
                  </button>
                )}
              </details>
            )}
          </li>
        ))}
      </ul>
      {writing ? (
        <CallScriptForm initial={{ title: '', body: '' }} onSave={create} onCancel={() => setWriting(false)} />
      ) : (
        <button type="button" onClick={() => setWriting(true)}>
          {t('scripts.new')}
        </button>
      )}
    </aside>
  );
}
