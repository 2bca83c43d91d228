import { useState } from 'react';
import { isApiFailure } from '../../../ui-kit/api/api-failure.ts';
import { failureMessage } from '../../../ui-kit/api/failure-message.ts';
import { convertLead, fetchLead, fetchLeadActions, fireLeadEvent, type Lead } from '../api/leads.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { RecordPageHeader } from '../app/RecordPageHeader.tsx';
import { useLoaded } from '../../../ui-kit/hooks/use-loaded.ts';
import { ActionBar } from '../customer/ActionBar.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { Link } from '../../../ui-kit/routing/Link.tsx';
import { pathOf } from '../routing/routes.ts';
import { useSession } from '../shell/session-context.ts';
import { fetchMachineStates, stateName } from '../api/machines.ts';

/**
 * One lead: its details, why it went to whom (the routing's steps in words), the buttons of its status from the lead
 * machine, and conversion into a customer — after which it links to the customer it became.
 */
export function LeadPage({ leadId, onChanged }: { leadId: number; onChanged(): void }) {
  const { api, format, personName } = useSession();
  const { locale, t } = useI18n();
  const [revision, setRevision] = useState(0);
  const lead = useLoaded(() => fetchLead(api, leadId), [api, leadId, revision]);
  const actions = useLoaded(() => fetchLeadActions(api, leadId), [api, leadId, revision]);
  const statuses = useLoaded(() => fetchMachineStates(api, 'lead'), [api]);
  const current = lead.value;
  useDocumentTitle(current?.name ?? `#${leadId}`);
  const statusName = (key: string) => stateName(statuses.value, key, locale);
  // Conversion is offered while the lead's state is tagged `open` in the lead machine (not once disqualified); a
  // converted lead links to its customer instead.
  const convertible = current !== undefined && (converted(current) || statuses.value?.find((status) => status.key === current.status)?.tags.includes('open') === true);
  const changed = () => {
    setRevision((n) => n + 1);
    onChanged();
  };
  const none = t('common.none');

  return (
    <section className="page lead-page">
      <RecordPageHeader
        title={current?.name ?? `#${leadId}`}
        state={current === undefined ? undefined : { key: current.status, label: statusName(current.status) }}
        loaded={lead}
        loadFailed="lead.loadFailed"
      />
      {current !== undefined && (
        <>
          <div className="customer-toolbar">
            <ActionBar
              loaded={actions}
              fire={(event, payload) => fireLeadEvent(api, current, event, payload)}
              stateName={statusName}
              doneMessage="lead.actionDone"
              onFired={changed}
            />
          </div>
          <section className="record-section" aria-labelledby="lead-details-heading">
            <h2 id="lead-details-heading">{t('lead.section.details')}</h2>
            <dl className="facts">
              {(['company', 'phone', 'email', 'region'] as const).map((field) =>
                current[field] === undefined ? null : (
                  <div key={field}>
                    <dt>{t(`lead.field.${field}`)}</dt>
                    <dd>{current[field] ?? none}</dd>
                  </div>
                ),
              )}
              <div>
                <dt>{t('lead.field.source')}</dt>
                <dd>{t(`lead.source.${current.source as 'website'}` as const)}</dd>
              </div>
              <div>
                <dt>{t('lead.field.owner')}</dt>
                <dd>{current.ownerId === null ? t('ownership.pool') : personName(current.ownerId)}</dd>
              </div>
              <div>
                <dt>{t('lead.field.createdAt')}</dt>
                <dd>{format.dateTime(current.createdAt)}</dd>
              </div>
            </dl>
          </section>
          <section className="record-section" aria-labelledby="lead-assignment-heading">
            <h2 id="lead-assignment-heading">{t('lead.section.assignment')}</h2>
            {current.assignment === null ? (
              <p className="hint">{t('lead.assignment.none')}</p>
            ) : (
              <>
                <p className="assignment-summary">{current.assignment.summary[locale]}</p>
                <h3>{t('lead.assignment.steps')}</h3>
                <ol className="assignment-steps">
                  {current.assignment.steps.map((step, index) => (
                    <li key={index} data-outcome={step.outcome}>
                      {step.words[locale]}
                    </li>
                  ))}
                </ol>
              </>
            )}
          </section>
          {convertible && <ConvertSection lead={current} onConverted={changed} />}
        </>
      )}
    </section>
  );
}

/** 转化: by the published conversion mapping, optionally with an opportunity; afterwards, the way to the customer. */
function ConvertSection({ lead, onConverted }: { lead: Lead; onConverted(): void }) {
  const { api, format } = useSession();
  const { t } = useI18n();
  const [createOpportunity, setCreateOpportunity] = useState(false);
  const [converting, setConverting] = useState(false);
  const [failure, setFailure] = useState<string>();

  async function convert() {
    if (converting) return;
    setConverting(true);
    setFailure(undefined);
    try {
      await convertLead(api, lead, { createOpportunity });
      onConverted();
    } catch (error) {
      if (!isApiFailure(error)) throw error;
      setFailure(failureMessage(error.failure, t));
    } finally {
      setConverting(false);
    }
  }

  return (
    <section className="record-section" aria-labelledby="lead-convert-heading">
      <h2 id="lead-convert-heading">{t('lead.section.convert')}</h2>
      {converted(lead) ? (
        <p className="notice">
          {lead.convertedAt === null || lead.convertedAt === undefined ? t('lead.convert.done') : t('lead.converted', { time: format.dateTime(lead.convertedAt) })}{' '}
          <Link href={pathOf({ page: 'customer', id: lead.convertedCustomerId! })}>{t('lead.convert.openCustomer')}</Link>
        </p>
      ) : (
        <div className="convert-lead">
          <label>
            <input type="checkbox" checked={createOpportunity} onChange={(event) => setCreateOpportunity(event.target.checked)} />{' '}
            {t('lead.convert.createOpportunity')}
          </label>
          <button type="button" className="primary" disabled={converting} onClick={() => void convert()}>
            {t(converting ? 'lead.convert.converting' : 'lead.convert.submit')}
          </button>
          {failure !== undefined && (
            <p className="form-error" role="alert">
              {failure}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

const converted = (lead: Lead) => lead.convertedCustomerId !== null && lead.convertedCustomerId !== undefined;
