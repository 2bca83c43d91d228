import { useEffect, useState } from 'react';
import {
  fetchAuditTrail,
  fetchContactRecords,
  fetchContacts,
  fetchCustomer,
  fetchCustomerActions,
  fetchEditRights,
  fireCustomerEvent,
  fetchOpportunities,
  fetchOrders,
  fetchOwnershipHistory,
  fetchTickets,
  type Customer,
} from '../api/customers.ts';
import { fetchCustomFields } from '../api/fields.ts';
import { fetchMachineStates, stateName } from '../api/machines.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { RecordPageHeader } from '../app/RecordPageHeader.tsx';
import { useLoaded } from '../../../ui-kit/hooks/use-loaded.ts';
import { LogContactDialog } from '../contact-log/LogContactDialog.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useSession } from '../shell/session-context.ts';
import { ActionBar } from './ActionBar.tsx';
import { auditActionInWords, auditWhyInWords, customerFieldName } from './audit-why.ts';
import { CustomerDetails } from './CustomerDetails.tsx';
import { NewOpportunityPanel } from './NewOpportunityPanel.tsx';
import { NewOrderPanel } from './NewOrderPanel.tsx';
import { ReassignPanel } from './ReassignPanel.tsx';
import { RecordSection } from './RecordSection.tsx';
import { useLogContactKey } from './use-log-contact-key.ts';

/**
 * Customer 360° (客户详情): details, the stage's actions, and everything recorded about the customer. A change here
 * (an edit, an action, a logged contact) reloads what it may have moved; `onChanged` lets the work line recount.
 */
export function CustomerPage({ customerId, onChanged }: { customerId: number; onChanged(): void }) {
  const { api, me, format, stageName, personName: person } = useSession();
  const { locale, t } = useI18n();
  const [revision, setRevision] = useState(0);
  const [logging, setLogging] = useState(false);
  const [logged, setLogged] = useState(false);
  // The details remount with each version, so the page keeps the note that they were saved.
  const [detailsSaved, setDetailsSaved] = useState(false);
  const customer = useLoaded(() => fetchCustomer(api, customerId), [api, customerId, revision]);
  const actions = useLoaded(() => fetchCustomerActions(api, customerId), [api, customerId, revision]);
  const contacts = useLoaded(() => fetchContacts(api, customerId), [api, customerId]);
  const records = useLoaded(() => fetchContactRecords(api, customerId), [api, customerId, revision]);
  const opportunities = useLoaded(() => fetchOpportunities(api, customerId), [api, customerId, revision]);
  const orders = useLoaded(() => fetchOrders(api, customerId), [api, customerId, revision]);
  const tickets = useLoaded(() => fetchTickets(api, customerId), [api, customerId]);
  const ownership = useLoaded(() => fetchOwnershipHistory(api, customerId), [api, customerId, revision]);
  const customFields = useLoaded(() => fetchCustomFields(api, 'customer'), [api]);
  const editRights = useLoaded(() => fetchEditRights(api, customerId), [api, customerId, revision]);
  // Opportunities, orders and tickets run on machines of their own: their states by the published labels.
  const funnel = useLoaded(() => fetchMachineStates(api, 'opportunity'), [api]);
  const orderStates = useLoaded(() => fetchMachineStates(api, 'order'), [api]);
  const ticketStates = useLoaded(() => fetchMachineStates(api, 'ticket'), [api]);
  const mayCreate = (record: 'opportunity' | 'order') => editRights.value?.mayCreate.includes(record) === true;
  const audit = useLoaded(() => fetchAuditTrail(api, customerId), [api, customerId, revision]);
  const [shown, setShown] = useState<Customer>();
  useEffect(() => {
    if (customer.status === 'ready') setShown(customer.value);
  }, [customer.status, customer.value]);
  const current = shown ?? customer.value;
  const title = current?.name ?? `#${customerId}`;
  useDocumentTitle(title);
  useLogContactKey(() => setLogging(true), current !== undefined && !logging);

  const changed = () => {
    setRevision((n) => n + 1);
    onChanged();
  };
  const none = t('common.none');
  const when = (value: string | null | undefined) => (value === null || value === undefined ? none : format.dateTime(value));
  const money = (value: number | string | null | undefined) =>
    value === null || value === undefined ? none : typeof value === 'number' ? format.money(value, 'CNY') : value;
  // The actions list labels the events of the stage the customer is in now; the same event may be labelled
  // differently in another stage (UPGRADE: 上转为潜在客户 / 上转为商机客户), so older entries keep the event's key.
  const eventLabel = (type: string, from: string) =>
    (from === current?.stage ? actions.value?.find((action) => action.event === type)?.label[locale] : undefined) ?? type;

  return (
    <section className="page customer-page">
      <RecordPageHeader
        title={title}
        state={current === undefined ? undefined : { key: current.stage, label: stageName(current.stage) }}
        loaded={customer}
        loadFailed="customer.loadFailed"
      />
      {current !== undefined && (
        <>
          <div className="customer-toolbar">
            <button type="button" className="primary" aria-keyshortcuts="L" onClick={() => setLogging(true)}>
              {t('contactLog.open')} <kbd>{t('contactLog.openKey')}</kbd>
            </button>
            <ActionBar
              loaded={actions}
              fire={(event, payload) => fireCustomerEvent(api, current, event, payload)}
              stateName={stageName}
              doneMessage="customer.actionDone"
              onFired={changed}
            />
          </div>
          {me.role.permissions.mayReassign && <ReassignPanel customer={current} onReassigned={changed} />}
          {logged && (
            <p className="notice" role="status">
              {t('contactLog.saved')}
            </p>
          )}
          <section className="record-section" aria-labelledby="details-heading">
            <h2 id="details-heading">{t('customer.section.details')}</h2>
            {detailsSaved && (
              <p className="notice" role="status">
                {t('customer.saved')}
              </p>
            )}
            <CustomerDetails
              key={current.version}
              customer={current}
              fields={customFields.value ?? []}
              editable={editRights.value}
              onSaved={(next) => {
                setShown(next);
                setDetailsSaved(true);
                changed();
              }}
              onReload={changed}
            />
          </section>
          <RecordSection
            id="contact-records"
            title={t('customer.section.contactRecords')}
            loaded={records}
            columns={[t('record.when'), t('record.channel'), t('record.outcome'), t('record.notes'), t('record.nextFollowUp')]}
            row={(record) => ({
              key: record.id,
              cells: [
                when(record.occurredAt),
                t(`channel.${record.channel as 'call'}` as const),
                record.outcomeLabel?.[locale] ?? record.outcome,
                record.notes,
                when(record.nextFollowUpAt),
              ],
            })}
          />
          <RecordSection
            id="contacts"
            title={t('customer.section.contacts')}
            loaded={contacts}
            columns={[t('contact.name'), t('contact.title'), t('contact.phone'), t('contact.email'), t('contact.primary')]}
            row={(contact) => ({
              key: contact.id,
              cells: [
                contact.name ?? none,
                contact.title ?? none,
                contact.phone ?? none,
                contact.email ?? none,
                contact.isPrimary === true ? t('common.yes') : contact.isPrimary === false ? t('common.no') : (contact.isPrimary ?? none),
              ],
            })}
          />
          <RecordSection
            id="opportunities"
            title={t('customer.section.opportunities')}
            loaded={opportunities}
            toolbar={mayCreate('opportunity') && <NewOpportunityPanel customerId={current.id} onCreated={changed} />}
            columns={[t('record.name'), t('record.stage'), t('record.amount'), t('record.probability'), t('record.expectedClose')]}
            row={(opportunity) => ({
              key: opportunity.id,
              cells: [
                opportunity.name,
                stateName(funnel.value, opportunity.stage, locale),
                money(opportunity.amount),
                opportunity.probability === undefined ? none : `${opportunity.probability}%`,
                opportunity.expectedCloseOn ?? none,
              ],
            })}
          />
          <RecordSection
            id="orders"
            title={t('customer.section.orders')}
            loaded={orders}
            toolbar={mayCreate('order') && <NewOrderPanel customerId={current.id} opportunities={opportunities.value ?? []} onCreated={changed} />}
            columns={[t('record.orderNumber'), t('record.stage'), t('record.amount'), t('record.paid'), t('record.due')]}
            row={(order) => ({
              key: order.id,
              cells: [order.orderNumber, stateName(orderStates.value, order.status, locale), money(order.amount), money(order.paidAmount), order.dueOn ?? none],
            })}
          />
          <RecordSection
            id="tickets"
            title={t('customer.section.tickets')}
            loaded={tickets}
            columns={[t('record.subject'), t('record.stage'), t('record.priority'), t('record.service')]}
            row={(ticket) => ({ key: ticket.id, cells: [ticket.subject, stateName(ticketStates.value, ticket.status, locale), ticket.priority, ticket.slaState ?? none] })}
          />
          <RecordSection
            id="ownership"
            title={t('customer.section.ownership')}
            loaded={ownership}
            columns={[t('ownershipEvent.when'), t('ownershipEvent.what'), t('ownershipEvent.owner'), t('ownershipEvent.by'), t('ownershipEvent.reason')]}
            row={(event) => ({
              key: event.id,
              cells: [
                when(event.occurredAt),
                t(`ownershipEvent.${event.action}` as const),
                event.ownerId === null ? t('ownership.pool') : person(event.ownerId),
                person(event.actorId),
                event.reason ?? none,
              ],
            })}
          />
          <RecordSection
            id="audit"
            title={t('customer.section.audit')}
            loaded={audit}
            columns={[t('audit.when'), t('audit.who'), t('audit.what'), t('audit.why')]}
            row={(entry) => ({
              key: entry.id,
              cells: [
                when(entry.at),
                person(entry.actorId),
                auditActionInWords(entry, t),
                auditWhyInWords(entry, {
                  stage: stageName,
                  event: eventLabel,
                  field: (path) => customerFieldName(path, customFields.value ?? [], locale, t),
                  locale,
                  t,
                }),
              ],
            })}
          />
        </>
      )}
      {logging && current !== undefined && (
        <LogContactDialog
          customer={{ id: current.id, name: current.name, stage: current.stage }}
          onClose={() => setLogging(false)}
          onLogged={() => {
            setLogging(false);
            setLogged(true);
            changed();
          }}
        />
      )}
    </section>
  );
}
