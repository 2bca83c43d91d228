import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Customer } from '../api/customers.ts';
import { failureMessage } from '../../../ui-kit/api/failure-message.ts';
import { workLineBuckets, type WorkLineBucket } from '../api/work-queue.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { ListFooter } from '../app/ListFooter.tsx';
import { usePagedList } from '../app/use-paged-list.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { MessageKey } from '../i18n/translate.ts';
import { Link } from '../../../ui-kit/routing/Link.tsx';
import { navigate } from '../../../ui-kit/routing/address-bar.ts';
import { pathOf } from '../routing/routes.ts';
import { useSession } from '../shell/session-context.ts';
import { bucketLabels } from '../work-line/bucket-labels.ts';
import { ListFilters } from '../filters/ListFilters.tsx';
import { SortableHeader } from '../filters/SortableHeader.tsx';
import { useListQuery } from '../filters/use-list-query.ts';
import {
  builderPathIn,
  ownershipChoices,
  rowAfterKey,
  stageListColumns,
  stageListSearch,
  type OwnershipChoice,
  type StageListColumn,
  type StageListFilters,
} from './stage-list-query.ts';
import { TrackingView } from './TrackingView.tsx';
import { ExportLink } from '../export/ExportLink.tsx';

interface StageListAnswer {
  items: Customer[];
  nextCursor: string | null;
  total: number;
}

const columnLabels: Record<StageListColumn, MessageKey> = {
  name: 'customer.field.name',
  nextFollowUpAt: 'customer.field.nextFollowUpAt',
  lastContactAt: 'customer.field.lastContactAt',
  callCount: 'customer.field.callCount',
  createdAt: 'stages.column.createdAt',
};

const ownershipLabels: Record<OwnershipChoice, MessageKey> = {
  any: 'stages.ownership.any',
  personal: 'ownership.personal',
  collaborative: 'ownership.collaborative',
  pool: 'ownership.pool',
};

/**
 * 储备/目标/潜在/商机/成交客户: the customers of one stage the person may see, filtered and sorted by the bar and the
 * column headers. The rows are walked with the arrow keys and Enter opens the 360° page; "Track" (正在跟踪) walks the
 * listed customers one at a time with the contact log beside them.
 */
export function StageListPage({ stageKey, due }: { stageKey: string; due: WorkLineBucket | undefined }) {
  const { api, me, format, stageName, personName } = useSession();
  const { t } = useI18n();
  const label = stageName(stageKey);
  useDocumentTitle(label);
  const id = useId();
  const [draft, setDraft] = useState<StageListFilters>({ q: '', ownership: 'any', due });
  const [filters, setFilters] = useState<StageListFilters>(draft);
  const listQuery = useListQuery('customer');
  const [focused, setFocused] = useState(0);
  const [tracking, setTracking] = useState(false);
  const rows = useRef<Array<HTMLTableRowElement | null>>([]);
  const list = usePagedList(
    (cursor?: string) =>
      api.get<StageListAnswer>(`/api/customers?${stageListSearch(stageKey, filters, listQuery, { now: new Date(), timeZone: me.timeZone, ...(cursor === undefined ? {} : { cursor }) })}`),
    [api, stageKey, filters, listQuery.condition, listQuery.sort, me.timeZone],
  );
  const page = list.first;

  useEffect(() => {
    setFocused(0);
  }, [page.value]);

  const customers: Customer[] = list.items;

  function submit(event: FormEvent) {
    event.preventDefault();
    setFilters({ ...draft });
  }

  function onRowKey(event: KeyboardEvent<HTMLTableRowElement>, index: number, customer: Customer) {
    if (event.key === 'Enter') {
      event.preventDefault();
      navigate(pathOf({ page: 'customer', id: customer.id }));
      return;
    }
    const next = rowAfterKey(event.key, index, customers.length);
    if (next === undefined) return;
    event.preventDefault();
    setFocused(next);
    rows.current[next]?.focus();
  }

  const when = (value: string | null | undefined) => (value === null || value === undefined ? t('common.none') : format.dateTime(value));

  if (tracking && customers.length > 0) {
    return (
      <TrackingView
        stageLabel={label}
        customers={customers}
        onClose={() => {
          setTracking(false);
          page.reload();
        }}
      />
    );
  }

  return (
    <section className="page stage-list-page">
      <header className="page-header">
        <h1 tabIndex={-1}>{label}</h1>
        <p className="hint">{t('stages.hint')}</p>
      </header>

      <form className="stage-filters" role="search" onSubmit={submit}>
        <label htmlFor={`${id}-q`}>{t('stages.search')}</label>
        <input id={`${id}-q`} type="search" value={draft.q} maxLength={100} onChange={(event) => setDraft({ ...draft, q: event.target.value })} />
        <label htmlFor={`${id}-ownership`}>{t('customer.field.ownership')}</label>
        <select id={`${id}-ownership`} value={draft.ownership} onChange={(event) => setDraft({ ...draft, ownership: event.target.value as OwnershipChoice })}>
          {ownershipChoices.map((choice) => (
            <option key={choice} value={choice}>{t(ownershipLabels[choice])}</option>
          ))}
        </select>
        <label htmlFor={`${id}-due`}>{t('stages.due')}</label>
        <select
          id={`${id}-due`}
          value={draft.due ?? ''}
          onChange={(event) => setDraft({ ...draft, due: event.target.value === '' ? undefined : (event.target.value as WorkLineBucket) })}
        >
          <option value="">{t('stages.due.any')}</option>
          {workLineBuckets.map((bucket) => (
            <option key={bucket} value={bucket}>{t(bucketLabels[bucket])}</option>
          ))}
        </select>
        <button type="submit">{t('stages.apply')}</button>
      </form>
      <ListFilters
        entity="customer"
        query={listQuery}
        columns={[...stageListColumns, 'phone']}
        failure={page.status === 'failed' ? page.failure : undefined}
        at={builderPathIn(filters, listQuery.condition)}
      />

      <div className="stage-list-bar">
        {page.value !== undefined && (
          <p role="status" className="hint" data-total={page.value.total}>
            {t('stages.total', { count: format.count(page.value.total) })}
          </p>
        )}
        <button type="button" className="primary" disabled={customers.length === 0} onClick={() => setTracking(true)}>
          {t('stages.track')}
        </button>
        <ExportLink list="customers" search={stageListSearch(stageKey, filters, listQuery, { now: new Date(), timeZone: me.timeZone })} />
      </div>

      {page.status === 'failed' && (
        <p className="form-error" role="alert">
          {failureMessage(page.failure, t)}
        </p>
      )}
      {page.value !== undefined && customers.length === 0 && <p className="hint">{t('stages.empty')}</p>}
      {customers.length > 0 && (
        <table className="records stage-table" aria-busy={page.status === 'loading'} aria-label={label}>
          <thead>
            <tr>
              {stageListColumns.map((column) => (
                <SortableHeader
                  key={column}
                  fact={column}
                  sortable={listQuery.fieldsByName.get(column)?.sortable ?? false}
                  levels={listQuery.sort}
                  onCycle={listQuery.cycleSort}
                >
                  {t(columnLabels[column])}
                </SortableHeader>
              ))}
              <th scope="col">{t('customer.field.phone')}</th>
              <th scope="col">{t('stages.column.owner')}</th>
            </tr>
          </thead>
          <tbody>
            {customers.map((customer, index) => (
              <tr
                key={customer.id}
                ref={(row) => {
                  rows.current[index] = row;
                }}
                data-customer-id={customer.id}
                tabIndex={index === focused ? 0 : -1}
                aria-selected={index === focused}
                onFocus={() => setFocused(index)}
                onKeyDown={(event) => onRowKey(event, index, customer)}
                onDoubleClick={() => navigate(pathOf({ page: 'customer', id: customer.id }))}
              >
                <td>
                  <Link href={pathOf({ page: 'customer', id: customer.id })} tabIndex={-1}>
                    {customer.name ?? `#${customer.id}`}
                  </Link>
                </td>
                <td>{when(customer.nextFollowUpAt)}</td>
                <td>{when(customer.lastContactAt)}</td>
                <td>{customer.callCount === undefined ? t('common.none') : String(customer.callCount)}</td>
                <td>{format.dateTime(customer.createdAt)}</td>
                <td>{customer.phone ?? t('common.none')}</td>
                <td>{customer.ownerId === null ? t('ownership.pool') : personName(customer.ownerId)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ListFooter list={list} />
    </section>
  );
}
