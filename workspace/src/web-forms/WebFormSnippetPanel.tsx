import { useId, useRef, useState } from 'react';
import { failureMessage } from '../../../ui-kit/api/failure-message.ts';
import { useLoaded } from '../../../ui-kit/hooks/use-loaded.ts';
import { fetchWebFormSnippet, type WebForm } from '../api/web-forms.ts';
import type { MessageKey } from '../i18n/messages.en.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useSession } from '../shell/session-context.ts';

/** Copies the box's text: the clipboard API where the page may use it, else the selection (older or insecure pages). */
async function copyText(box: HTMLTextAreaElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(box.value);
    return true;
  } catch {
    box.select();
    return document.execCommand('copy');
  }
}

function CopyBox({ label, hint, copyLabel, text }: { label: MessageKey; hint?: MessageKey; copyLabel: MessageKey; text: string }) {
  const { t } = useI18n();
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<boolean>();
  return (
    <div className="field snippet-box">
      <label htmlFor={id}>{t(label)}</label>
      {hint !== undefined && <p className="hint">{t(hint)}</p>}
      <textarea id={id} ref={box} readOnly rows={text.split('\n').length > 1 ? 8 : 3} value={text} onFocus={(event) => event.target.select()} />
      <p className="row-actions">
        <button type="button" onClick={() => void copyText(box.current!).then(setCopied)}>
          {t(copyLabel)}
        </button>
        <span role="status">{copied === undefined ? '' : t(copied ? 'webForm.snippet.copied' : 'webForm.snippet.copyFailed')}</span>
      </p>
    </div>
  );
}

/** What to do with a saved form: its hosted page, and the code to paste into a site in the interface language. */
export function WebFormSnippetPanel({ form }: { form: WebForm }) {
  const { api } = useSession();
  const { locale, t } = useI18n();
  const heading = useId();
  const snippet = useLoaded(() => fetchWebFormSnippet(api, form.id, locale), [api, form.id, locale]);
  return (
    <section className="web-form-snippet" aria-labelledby={heading}>
      <h2 id={heading}>{t('webForm.snippet.title')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('webForm.hostedPage')}</dt>
          <dd>
            <a className="hosted-link" href={`${form.hostedUrl}?lang=${locale}`} target="_blank" rel="noopener">
              {form.hostedUrl}
            </a>
          </dd>
        </div>
      </dl>
      {!form.active && <p className="hint">{t('webForm.hostedInactive')}</p>}
      {snippet.status === 'failed' && (
        <p className="form-error" role="alert">
          {failureMessage(snippet.failure, t)}
        </p>
      )}
      {snippet.value !== undefined && (
        <>
          <CopyBox label="webForm.snippet.iframe" copyLabel="webForm.snippet.copyIframe" text={snippet.value.iframe} />
          <CopyBox label="webForm.snippet.script" hint="webForm.snippet.scriptHint" copyLabel="webForm.snippet.copyScript" text={snippet.value.script} />
        </>
      )}
    </section>
  );
}
