import { useId, useState, type FormEvent } from 'react';
import { isApiFailure, type ApiFailure } from '../../../ui-kit/api/api-failure.ts';
import { claimCustomers, fetchClaimQuota, type ClaimQuota } from '../api/claims.ts';
import { fetchPoolCustomers, poolSearch, type Customer } from '../api/customers.ts';
import { ExportLink } from '../export/ExportLink.tsx';
import { failureMessage } from '../../../ui-kit/api/failure-message.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { ListFilters } from '../filters/ListFilters.tsx';
import { SortableHeader } from '../filters/SortableHeader.tsx';
import { withListQuery } from '../filters/list-query-search.ts';
import { useListQuery } from '../filters/use-list-query.ts';
import { ListFooter } from '../app/ListFooter.tsx';
import { useLoaded } from '../../../ui-kit/hooks/use-loaded.ts';
import { usePagedList } from '../app/use-paged-list.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { Link } from '../../../ui-kit/routing/Link.tsx';
import { pathOf } from '../routing/routes.ts';
import { useSession } from '../shell/session-context.ts';
import { claimOutcomeMessages, claimReport, selectionAfterClaim, type ClaimReport } from './claim-outcomes.ts';

/** The columns the pool shows, in order: what a view saved here keeps as its columns. */
const poolColumns = ['name', 'phone', 'stage', 'lastContactAt'] as const;

/**
 * 公海: the shared customers, searched by name, phone or keyword; select one or many and claim them. The quota left
 * today is always in view, and after a claim each customer's outcome is said in the rep's language.
 */
export function PoolPage({ onClaimed }: { onClaimed(): void }) {
  const { api, me, format, stageName } = useSession();
  const { t } = useI18n();
  useDocumentTitle(t('nav.pool'));
  const id = useId();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [revision, setRevision] = useState(0);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [claiming, setClaiming] = useState(false);
  const [report, setReport] = useState<{ report: ClaimReport; names: Map<number, string> }>();
  const [claimFailure, setClaimFailure] = useState<ApiFailure>();
  const [quotaAfterClaim, setQuotaAfterClaim] = useState<ClaimQuota>();
  const quotaLoaded = useLoaded(() => fetchClaimQuota(api), [api]);
  const listQuery = useListQuery('customer');
  const listSearch = (cursor?: string) => withListQuery(poolSearch({ q: query, ...(cursor === undefined ? {} : { cursor }) }), listQuery.condition, listQuery.sort);
  const list = usePagedList((cursor?: string) => fetchPoolCustomers(api, listSearch(cursor)), [api, query, revision, listQuery.condition, listQuery.sort]);
  const page = list.first;
  const sortable = (fact: string) => listQuery.fieldsByName.get(fact)?.sortable === true;
  const quota = quotaAfterClaim ?? quotaLoaded.value;

  const customers: Customer[] = list.items;

  function submitSearch(event: FormEvent) {
    event.preventDefault();
    setSelected(new Set());
    setQuery(search);
  }

  async function claim() {
    if (claiming || selected.size === 0) return;
    const ids = customers.filter((customer) => selected.has(customer.id)).map((customer) => customer.id);
    const names = new Map(customers.map((customer) => [customer.id, customer.name ?? `#${customer.id}`]));
    setClaiming(true);
    setClaimFailure(undefined);
    try {
      const answer = await claimCustomers(api, ids);
      const next = claimReport(answer);
      setReport({ report: next, names });
      setQuotaAfterClaim(answer.quota);
      setSelected((current) => selectionAfterClaim(current, next));
      setRevision((n) => n + 1);
      if (next.claimed.length > 0) onClaimed();
    } catch (error) {
      if (!isApiFailure(error)) throw error;
      setClaimFailure(error.failure);
    } finally {
      setClaiming(false);
    }
  }

  const toggle = (customerId: number, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(customerId);
      else next.delete(customerId);
      return next;
    });
  const allSelected = customers.length > 0 && customers.every((customer) => selected.has(customer.id));

  return (
    <section className="page pool-page">
      <header className="page-header">
        <h1 tabIndex={-1}>{t('nav.pool')}</h1>
        <p className="hint">{t('page.pool.description', { quota: format.count(me.role.claimQuotaPerDay) })}</p>
      </header>

      {quota !== undefined && (
        <p className={quota.remaining === 0 ? 'form-error quota' : 'notice quota'} role="status" data-remaining={quota.remaining}>
          {quota.remaining === 0
            ? t('pool.quotaReached', { time: format.dateTime(quota.resetsAt) })
            : t('pool.quota', { remaining: format.count(quota.remaining), limit: format.count(quota.limit) })}
        </p>
      )}

      <form className="pool-search" role="search" onSubmit={submitSearch}>
        <label htmlFor={`${id}-q`} className="visually-hidden">
          {t('pool.search')}
        </label>
        <input id={`${id}-q`} type="search" name="q" placeholder={t('pool.search')} value={search} maxLength={100} onChange={(event) => setSearch(event.target.value)} />
        <button type="submit">{t('pool.searchSubmit')}</button>
      </form>
      <ListFilters
        entity="customer"
        query={listQuery}
        columns={poolColumns}
        failure={page.status === 'failed' ? page.failure : undefined}
        onPick={() => setSelected(new Set())}
      />

      {page.status === 'failed' && (
        <p className="form-error" role="alert">
          {failureMessage(page.failure, t)}
        </p>
      )}

      <div className="pool-claim-bar">
        {page.value !== undefined && (
          <p role="status" className="hint pool-total" data-total={page.value.total}>
            {t('stages.total', { count: format.count(page.value.total) })}
          </p>
        )}
        <button type="button" className="primary" disabled={selected.size === 0 || claiming} onClick={() => void claim()}>
          {claiming ? t('pool.claiming') : t('pool.claimSelected', { count: format.count(selected.size) })}
        </button>
        <ExportLink list="customers" search={listSearch()} />
      </div>
      {claimFailure !== undefined && (
        <p className="form-error" role="alert">
          {failureMessage(claimFailure, t)}
        </p>
      )}
      {report !== undefined && (
        <div className="claim-report" role="status" aria-live="polite">
          {report.report.claimed.length > 0 && <p>{t('pool.claimed', { count: format.count(report.report.claimed.length) })}</p>}
          {report.report.quotaReached && report.report.refused.some((entry) => entry.outcome === 'quotaExceeded') && (
            <p className="form-error">{t('pool.outcome.quotaExceeded')}</p>
          )}
          {report.report.refused.length > 0 && (
            <ul>
              {report.report.refused.map((entry) => (
                <li key={entry.customerId} data-outcome={entry.outcome}>
                  {report.names.get(entry.customerId) ?? `#${entry.customerId}`}:{' '}
                  {t(claimOutcomeMessages[entry.outcome], { until: entry.claimableAt === undefined ? '' : format.dateTime(entry.claimableAt) })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      {page.value !== undefined && customers.length === 0 && <p className="hint">{t('pool.empty')}</p>}
      {customers.length > 0 && (
        <table className="records pool-table" aria-busy={page.status === 'loading'}>
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label={t('pool.selectAll')}
                  checked={allSelected}
                  onChange={(event) => setSelected(event.target.checked ? new Set(customers.map((customer) => customer.id)) : new Set())}
                />
              </th>
              <SortableHeader fact="name" sortable={sortable('name')} levels={listQuery.sort} onCycle={listQuery.cycleSort}>
                {t('customer.field.name')}
              </SortableHeader>
              <SortableHeader fact="phone" sortable={sortable('phone')} levels={listQuery.sort} onCycle={listQuery.cycleSort}>
                {t('customer.field.phone')}
              </SortableHeader>
              <SortableHeader fact="stage" sortable={sortable('stage')} levels={listQuery.sort} onCycle={listQuery.cycleSort}>
                {t('customer.field.stage')}
              </SortableHeader>
              <SortableHeader fact="lastContactAt" sortable={sortable('lastContactAt')} levels={listQuery.sort} onCycle={listQuery.cycleSort}>
                {t('pool.lastContact')}
              </SortableHeader>
            </tr>
          </thead>
          <tbody>
            {customers.map((customer) => {
              const name = customer.name ?? `#${customer.id}`;
              return (
                <tr key={customer.id} data-customer-id={customer.id} aria-selected={selected.has(customer.id)}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('pool.select', { name })}
                      checked={selected.has(customer.id)}
                      onChange={(event) => toggle(customer.id, event.target.checked)}
                    />
                  </td>
                  <td>
                    <Link href={pathOf({ page: 'customer', id: customer.id })}>{name}</Link>
                  </td>
                  <td>{customer.phone ?? t('common.none')}</td>
                  <td>{stageName(customer.stage)}</td>
                  <td>{customer.lastContactAt === null || customer.lastContactAt === undefined ? t('common.none') : format.dateTime(customer.lastContactAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <ListFooter list={list} />
    </section>
  );
}
