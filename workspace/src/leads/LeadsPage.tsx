import { useId, useState } from 'react';
import { failureMessage } from '../../../ui-kit/api/failure-message.ts';
import { fetchLeads, leadsSearch, type Lead } from '../api/leads.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { ListFooter } from '../app/ListFooter.tsx';
import { useLoaded } from '../../../ui-kit/hooks/use-loaded.ts';
import { usePagedList } from '../app/use-paged-list.ts';
import { ExportLink } from '../export/ExportLink.tsx';
import { ListFilters } from '../filters/ListFilters.tsx';
import { withListQuery } from '../filters/list-query-search.ts';
import { SortableHeader } from '../filters/SortableHeader.tsx';
import { useListQuery } from '../filters/use-list-query.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { Link } from '../../../ui-kit/routing/Link.tsx';
import { pathOf } from '../routing/routes.ts';
import { useSession } from '../shell/session-context.ts';
import { fetchMachineStates, stateName } from '../api/machines.ts';
import { NewLeadForm } from './NewLeadForm.tsx';

/** The lead facts the list shows as columns (besides the owner and the routing's reason): what a view saved here keeps. */
const leadColumns = ['name', 'company', 'phone', 'source', 'status', 'createdAt'] as const;

/**
 * 线索: the leads the signed-in person may see, newest first, narrowed by status (the lead machine's states), each
 * with who it went to and the routing's one-line reason; a new lead is entered here and routed at once.
 */
export function LeadsPage() {
  const { api, format, personName } = useSession();
  const { locale, t } = useI18n();
  useDocumentTitle(t('nav.leads'));
  const id = useId();
  const [status, setStatus] = useState('');
  const [revision, setRevision] = useState(0);
  const [adding, setAdding] = useState(false);
  const statuses = useLoaded(() => fetchMachineStates(api, 'lead'), [api]);
  const listQuery = useListQuery('lead');
  const listSearch = (cursor?: string) =>
    withListQuery(leadsSearch({ ...(status === '' ? {} : { status }), ...(cursor === undefined ? {} : { cursor }) }), listQuery.condition, listQuery.sort);
  const list = usePagedList((cursor?: string) => fetchLeads(api, listSearch(cursor)), [api, status, revision, listQuery.condition, listQuery.sort]);
  const page = list.first;
  const header = (fact: string, label: string) => (
    <SortableHeader fact={fact} sortable={listQuery.fieldsByName.get(fact)?.sortable === true} levels={listQuery.sort} onCycle={listQuery.cycleSort}>
      {label}
    </SortableHeader>
  );
  const leads: Lead[] = list.items;
  const none = t('common.none');

  return (
    <section className="page leads-page">
      <header className="page-header">
        <h1 tabIndex={-1}>{t('nav.leads')}</h1>
        <p className="hint">{t('page.leads.description')}</p>
      </header>

      <div className="list-toolbar">
        <label htmlFor={`${id}-status`}>{t('leads.filter.status')}</label>
        <select
          id={`${id}-status`}
          value={status}
          onChange={(event) => setStatus(event.target.value)}
        >
          <option value="">{t('leads.filter.all')}</option>
          {(statuses.value ?? []).map((state) => (
            <option key={state.key} value={state.key}>
              {state.label[locale]}
            </option>
          ))}
        </select>
        {page.value !== undefined && <span role="status">{t('leads.total', { count: format.count(page.value.total) })}</span>}
        <button type="button" className="primary" aria-expanded={adding} onClick={() => setAdding(!adding)}>
          {t('leads.new')}
        </button>
        <ExportLink list="leads" search={listSearch()} />
      </div>
      <ListFilters entity="lead" query={listQuery} columns={leadColumns} failure={page.status === 'failed' ? page.failure : undefined} />
      {adding && (
        <NewLeadForm
          onCreated={() => setRevision((n) => n + 1)}
          onClose={() => setAdding(false)}
        />
      )}

      {page.status === 'failed' && (
        <p className="form-error" role="alert">
          {failureMessage(page.failure, t)}
        </p>
      )}
      {page.value !== undefined && leads.length === 0 && <p className="hint">{t('leads.empty')}</p>}
      {leads.length > 0 && (
        <table className="records leads-table" aria-busy={page.status === 'loading'}>
          <thead>
            <tr>
              {header('name', t('lead.field.name'))}
              {header('company', t('lead.field.company'))}
              {header('phone', t('lead.field.phone'))}
              {header('source', t('lead.field.source'))}
              {header('status', t('lead.field.status'))}
              <th scope="col">{t('lead.field.owner')}</th>
              <th scope="col">{t('lead.section.assignment')}</th>
              {header('createdAt', t('lead.field.createdAt'))}
            </tr>
          </thead>
          <tbody>
            {leads.map((lead) => (
              <tr key={lead.id} data-lead-id={lead.id}>
                <td>
                  <Link href={pathOf({ page: 'lead', id: lead.id })}>{lead.name ?? `#${lead.id}`}</Link>
                </td>
                <td>{lead.company ?? none}</td>
                <td>{lead.phone ?? none}</td>
                <td>{t(`lead.source.${lead.source as 'website'}` as const)}</td>
                <td data-status={lead.status}>{stateName(statuses.value, lead.status, locale)}</td>
                <td>{lead.ownerId === null ? t('ownership.pool') : personName(lead.ownerId)}</td>
                <td>{lead.assignment?.summary[locale] ?? none}</td>
                <td>{format.dateTime(lead.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ListFooter list={list} />
    </section>
  );
}
