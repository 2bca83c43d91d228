import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { isApiFailure } from '../../../ui-kit/api/api-failure.ts';
import { failureMessage } from '../../../ui-kit/api/failure-message.ts';
import { useLoaded } from '../../../ui-kit/hooks/use-loaded.ts';
import { navigate } from '../../../ui-kit/routing/address-bar.ts';
import { Link } from '../../../ui-kit/routing/Link.tsx';
import { fetchCustomFields } from '../api/fields.ts';
import type { LocalizedText } from '../api/me.ts';
import {
  createWebForm,
  defaultRoutingPolicyKey,
  fetchCampaignChoices,
  fetchRoutingPolicyChoices,
  fetchWebForm,
  replaceWebForm,
  type WebForm,
} from '../api/web-forms.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { catalogues } from '../i18n/translate.ts';
import { pathOf } from '../routing/routes.ts';
import { useSession } from '../shell/session-context.ts';
import { inputProblems } from './InputProblems.tsx';
import { WebFormFieldsEditor } from './WebFormFieldsEditor.tsx';
import { WebFormSnippetPanel } from './WebFormSnippetPanel.tsx';
import { draftOfWebForm, knownLeadFields, newWebFormDraft, webFormSettingsOf, type WebFormDraft } from './web-form-draft.ts';
import { noPlacedProblems, placeProblems, webFormInputPaths, type PlacedProblems } from './web-form-problems.ts';

const inBothLanguages = (key: 'lead.field.name' | 'lead.field.company' | 'lead.field.phone' | 'lead.field.email' | 'lead.field.region'): LocalizedText => ({
  en: catalogues.en[key],
  'zh-CN': catalogues['zh-CN'][key],
});

interface Editing {
  /** The form the address names (undefined: /web-forms/new); another address starts over. */
  formId: number | undefined;
  /** The form as last loaded or saved; undefined until then. */
  form: WebForm | undefined;
  draft: WebFormDraft;
  notice?: 'webForm.created' | 'webForm.saved';
}

const freshEditing = (formId: number | undefined): Editing => ({
  formId,
  form: undefined,
  draft: newWebFormDraft(inBothLanguages('lead.field.name'), ''),
});

const texts = [
  ['title', 'webForm.titleEn', 'webForm.titleZh'],
  ['intro', 'webForm.introEn', 'webForm.introZh'],
  ['thankYou', 'webForm.thankYouEn', 'webForm.thankYouZh'],
] as const;

/**
 * One web form to create or change: its key (on creation), texts in both languages, fields, campaign, routing policy,
 * allowed sites and whether it is active. Saving sends the whole form; each problem the API names is shown beside
 * the input its path stands for. A saved form shows its hosted page and the code to embed it.
 */
export function WebFormEditorPage({ formId }: { formId: number | undefined }) {
  const { api } = useSession();
  const { locale, t } = useI18n();
  const id = useId();
  const formElement = useRef<HTMLFormElement>(null);
  const [editing, setEditing] = useState(() => freshEditing(formId));
  const [problems, setProblems] = useState<PlacedProblems>(noPlacedProblems);
  const [saving, setSaving] = useState(false);
  // Back or forward to another form (or to a new one) starts over; the address a creation moves to does not.
  if (editing.formId !== formId) {
    setEditing(freshEditing(formId));
    setProblems(noPlacedProblems);
  }
  const { form, draft } = editing;
  const heading = form === undefined ? t(formId === undefined ? 'webForms.new' : 'nav.webForms') : t('webForm.heading', { key: form.key });
  useDocumentTitle(heading);

  const loaded = useLoaded(() => (formId === undefined ? Promise.resolve(undefined) : fetchWebForm(api, formId)), [api, formId]);
  useEffect(() => {
    const value = loaded.value;
    if (value === undefined || value.id !== formId) return;
    setEditing((current) => (current.formId === value.id && current.form === undefined ? { ...current, form: value, draft: draftOfWebForm(value) } : current));
  }, [loaded.value, formId]);
  const campaigns = useLoaded(() => fetchCampaignChoices(api), [api]);
  const policies = useLoaded(() => fetchRoutingPolicyChoices(api), [api]);
  const customFields = useLoaded(() => fetchCustomFields(api, 'lead'), [api]);
  const known = useMemo(() => knownLeadFields((key) => inBothLanguages(`lead.field.${key}`), customFields.value ?? []), [customFields.value]);

  // A new form goes to the API's default policy when it is published, else to the first one that is.
  const policyChoices = policies.value ?? [];
  const policyKey =
    draft.routingPolicy ||
    (policyChoices.some((policy) => policy.key === defaultRoutingPolicyKey) ? defaultRoutingPolicyKey : (policyChoices[0]?.key ?? ''));

  // After a refused save, keyboard and screen-reader users land on the first input the API named.
  useEffect(() => {
    if (problems === noPlacedProblems) return;
    formElement.current?.querySelector<HTMLElement>('[aria-invalid="true"], .form-error')?.focus();
  }, [problems]);

  const change = (next: Partial<WebFormDraft>) => setEditing((current) => ({ ...current, draft: { ...current.draft, ...next }, notice: undefined }));
  const changeText = (text: (typeof texts)[number][0], language: keyof LocalizedText, value: string) =>
    change({ [text]: { ...draft[text], [language]: value } });

  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setProblems(noPlacedProblems);
    const settings = webFormSettingsOf({ ...draft, routingPolicy: policyKey });
    try {
      if (form === undefined) {
        const created = await createWebForm(api, draft.key.trim(), settings);
        setEditing({ formId: created.id, form: created, draft: draftOfWebForm(created), notice: 'webForm.created' });
        navigate(pathOf({ page: 'webForm', id: created.id }));
      } else {
        const saved = await replaceWebForm(api, form, settings);
        setEditing({ formId: saved.id, form: saved, draft: draftOfWebForm(saved), notice: 'webForm.saved' });
      }
    } catch (error) {
      if (!isApiFailure(error)) throw error;
      setProblems(
        error.failure.kind === 'problem'
          ? placeProblems(error.failure.problem, webFormInputPaths(draft, form === undefined))
          : { byPath: new Map(), general: [failureMessage(error.failure, t)] },
      );
    } finally {
      setSaving(false);
    }
  }

  const inputs = inputProblems(id, problems);
  const { inputProps, errorOf, idOf } = inputs;
  const waiting = formId !== undefined && form === undefined;

  return (
    <section className="page web-form-page">
      <header className="page-header">
        <p>
          <Link href={pathOf({ page: 'webForms' })}>{t('webForm.back')}</Link>
        </p>
        <h1 tabIndex={-1}>{heading}</h1>
      </header>
      {waiting && loaded.status === 'failed' && (
        <p className="form-error" role="alert">
          {failureMessage(loaded.failure, t)}
        </p>
      )}
      {waiting && loaded.status === 'loading' && <p role="status">{t('app.loading')}</p>}
      {!waiting && (
        <form ref={formElement} className="web-form-editor" onSubmit={save} noValidate aria-busy={saving}>
          <section aria-labelledby={`${id}-texts`}>
            <h2 id={`${id}-texts`}>{t('webForm.section.texts')}</h2>
            {form === undefined ? (
              <div className="field">
                <label htmlFor={idOf('/key')}>{t('webForm.key')}</label>
                <input {...inputProps('/key')} autoComplete="off" maxLength={64} value={draft.key} onChange={(event) => change({ key: event.target.value })} />
                <p className="hint">{t('webForm.keyHint')}</p>
                {errorOf('/key')}
              </div>
            ) : (
              <p className="hint">{t('webForm.keyFixed')}</p>
            )}
            {texts.map(([text, en, zh]) => (
              <div className="field-row" key={text}>
                {(['en', 'zh-CN'] as const).map((language) => {
                  const path = `/document/${text}/${language}`;
                  const Control = text === 'title' ? 'input' : 'textarea';
                  return (
                    <div className="field" key={language}>
                      <label htmlFor={idOf(path)}>{t(language === 'en' ? en : zh)}</label>
                      <Control {...inputProps(path)} maxLength={500} value={draft[text][language]} onChange={(event) => changeText(text, language, event.target.value)} />
                      {errorOf(path)}
                    </div>
                  );
                })}
              </div>
            ))}
            <p className="hint">{t('webForm.textsHint')}</p>
          </section>

          <section aria-labelledby={`${id}-fields`}>
            <h2 id={`${id}-fields`}>{t('webForm.section.fields')}</h2>
            <p className="hint">{t('webForm.fieldsHint')}</p>
            {errorOf('/document/fields')}
            <WebFormFieldsEditor
              fields={draft.fields}
              known={known}
              problems={inputs}
              onChange={(fields, structural) => {
                change({ fields });
                if (structural) setProblems(noPlacedProblems);
              }}
            />
          </section>

          <section aria-labelledby={`${id}-leads`}>
            <h2 id={`${id}-leads`}>{t('webForm.section.leads')}</h2>
            <div className="field-row">
              <div className="field">
                <label htmlFor={idOf('/campaignId')}>{t('webForm.campaign')}</label>
                <select {...inputProps('/campaignId')} value={draft.campaignId} onChange={(event) => change({ campaignId: event.target.value })}>
                  <option value="">{t('webForm.campaign.none')}</option>
                  {(campaigns.value ?? []).map((campaign) => (
                    <option key={campaign.id} value={String(campaign.id)}>
                      {campaign.name}
                    </option>
                  ))}
                  {draft.campaignId !== '' && campaigns.value?.some((campaign) => String(campaign.id) === draft.campaignId) === false && (
                    <option value={draft.campaignId}>#{draft.campaignId}</option>
                  )}
                </select>
                {errorOf('/campaignId')}
              </div>
              <div className="field">
                <label htmlFor={idOf('/routingPolicy')}>{t('webForm.routingPolicy')}</label>
                <select {...inputProps('/routingPolicy')} value={policyKey} onChange={(event) => change({ routingPolicy: event.target.value })}>
                  {policyChoices.map((policy) => (
                    <option key={policy.key} value={policy.key}>
                      {policy.title?.[locale] ?? policy.key}
                    </option>
                  ))}
                  {policyKey !== '' && !policyChoices.some((policy) => policy.key === policyKey) && <option value={policyKey}>{policyKey}</option>}
                </select>
                <p className="hint">{t(policies.value !== undefined && policyChoices.length === 0 ? 'webForm.routingPolicy.noneFound' : 'webForm.routingPolicyHint')}</p>
                {errorOf('/routingPolicy')}
              </div>
            </div>
          </section>

          <section aria-labelledby={`${id}-sites`}>
            <h2 id={`${id}-sites`}>{t('webForm.section.sites')}</h2>
            <div className="field">
              <label htmlFor={idOf('/allowedOrigins')}>{t('webForm.allowedOrigins')}</label>
              <textarea {...inputProps('/allowedOrigins')} rows={3} value={draft.allowedOrigins} onChange={(event) => change({ allowedOrigins: event.target.value })} />
              <p className="hint">{t('webForm.allowedOriginsHint')}</p>
              {errorOf('/allowedOrigins')}
            </div>
            <div className="field">
              <label>
                <input type="checkbox" {...inputProps('/active')} checked={draft.active} onChange={(event) => change({ active: event.target.checked })} />{' '}
                {t('webForm.active')}
              </label>
              {errorOf('/active')}
            </div>
          </section>

          {problems.general.length > 0 && (
            <div className="form-error" role="alert" tabIndex={-1}>
              {problems.general.map((message) => (
                <p key={message}>{message}</p>
              ))}
            </div>
          )}
          <div className="dialog-actions">
            <button type="submit" className="primary" disabled={saving}>
              {t(saving ? 'webForm.saving' : 'webForm.save')}
            </button>
          </div>
          {editing.notice !== undefined && (
            <p className="notice" role="status">
              {t(editing.notice)}
            </p>
          )}
        </form>
      )}
      {form !== undefined && <WebFormSnippetPanel key={form.key} form={form} />}
    </section>
  );
}
