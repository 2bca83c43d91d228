import { failureMessage } from '../../../ui-kit/api/failure-message.ts';
import { useLoaded } from '../../../ui-kit/hooks/use-loaded.ts';
import { Link } from '../../../ui-kit/routing/Link.tsx';
import { fetchCampaignChoices, fetchRoutingPolicyChoices, fetchWebForms } from '../api/web-forms.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { pathOf } from '../routing/routes.ts';
import { useSession } from '../shell/session-context.ts';

/**
 * 网页表单, for admins: every form newest first, with its campaign and routing policy by name and a link to its
 * hosted page; a form's key opens its editor.
 */
export function WebFormsPage() {
  const { api } = useSession();
  const { locale, t } = useI18n();
  useDocumentTitle(t('nav.webForms'));
  const forms = useLoaded(() => fetchWebForms(api), [api]);
  // Names only: a campaign or policy that fails to load shows by its id or key instead.
  const campaigns = useLoaded(() => fetchCampaignChoices(api), [api]);
  const policies = useLoaded(() => fetchRoutingPolicyChoices(api), [api]);
  const campaignName = (id: number | null) =>
    id === null ? t('common.none') : (campaigns.value?.find((campaign) => campaign.id === id)?.name ?? `#${id}`);
  const policyName = (key: string) => policies.value?.find((policy) => policy.key === key)?.title?.[locale] ?? key;

  return (
    <section className="page web-forms-page">
      <header className="page-header">
        <h1 tabIndex={-1}>{t('nav.webForms')}</h1>
        <p className="hint">{t('webForms.description')}</p>
      </header>
      <div className="list-toolbar">
        <Link className="button primary" href={pathOf({ page: 'newWebForm' })}>
          {t('webForms.new')}
        </Link>
      </div>
      {forms.status === 'failed' && (
        <p className="form-error" role="alert">
          {failureMessage(forms.failure, t)}
        </p>
      )}
      {forms.status === 'loading' && forms.value === undefined && <p role="status">{t('app.loading')}</p>}
      {forms.value !== undefined && forms.value.length === 0 && <p className="hint">{t('webForms.empty')}</p>}
      {forms.value !== undefined && forms.value.length > 0 && (
        <table className="records web-forms-table" aria-busy={forms.status === 'loading'}>
          <thead>
            <tr>
              <th scope="col">{t('webForms.column.key')}</th>
              <th scope="col">{t('webForms.column.title')}</th>
              <th scope="col">{t('webForms.column.campaign')}</th>
              <th scope="col">{t('webForms.column.routingPolicy')}</th>
              <th scope="col">{t('webForms.column.active')}</th>
              <th scope="col">{t('webForms.column.hostedPage')}</th>
            </tr>
          </thead>
          <tbody>
            {forms.value.map((form) => (
              <tr key={form.id} data-web-form-id={form.id}>
                <td>
                  <Link href={pathOf({ page: 'webForm', id: form.id })}>{form.key}</Link>
                </td>
                <td>{form.document.title[locale]}</td>
                <td>{campaignName(form.campaignId)}</td>
                <td>{policyName(form.routingPolicy)}</td>
                <td>{t(form.active ? 'common.yes' : 'common.no')}</td>
                <td>
                  <a href={form.hostedUrl} target="_blank" rel="noopener">
                    {form.hostedUrl}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
