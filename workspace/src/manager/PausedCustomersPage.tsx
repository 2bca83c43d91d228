import type { Customer } from '../api/customers.ts';
import { failureMessage } from '../../../ui-kit/api/failure-message.ts';
import { fetchFlaggedCustomers } from '../api/reviews.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { ListFooter } from '../app/ListFooter.tsx';
import { usePagedList } from '../app/use-paged-list.ts';
import { ReassignPanel } from '../customer/ReassignPanel.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { Link } from '../../../ui-kit/routing/Link.tsx';
import { pathOf } from '../routing/routes.ts';
import { useSession } from '../shell/session-context.ts';
import { RemoveClaimPanel } from './RemoveClaimPanel.tsx';

// The generic customer machine pauses tracking (暂停跟踪) by setting this flag; a machine without it lists nobody here.
const pausedTracking = { flag: 'tracking', value: 'paused' };

/**
 * 审核暂停跟踪客户: the owned customers whose tracking is paused, for a manager to look at — open one, reassign it
 * (调拨) or take the claim off it (去掉占有) from here.
 */
export function PausedCustomersPage() {
  const { api, me, format, stageName, personName } = useSession();
  const { t } = useI18n();
  useDocumentTitle(t('paused.title'));
  const list = usePagedList((cursor?: number) => fetchFlaggedCustomers(api, pausedTracking, cursor), [api]);
  const page = list.first;
  const customers: Customer[] = list.items;
  const manages = me.role.permissions.mayReassign;
  const changed = () => page.reload();

  return (
    <section className="page paused-customers-page">
      <header className="page-header">
        <h1 tabIndex={-1}>{t('paused.title')}</h1>
        <p className="hint">{t('paused.hint')}</p>
      </header>
      {page.status === 'failed' && (
        <p className="form-error" role="alert">
          {failureMessage(page.failure, t)}
        </p>
      )}
      {page.value !== undefined && customers.length === 0 && <p className="hint">{t('paused.empty')}</p>}
      {customers.length > 0 && (
        <table className="records paused-table" aria-busy={page.status === 'loading'}>
          <thead>
            <tr>
              <th scope="col">{t('customer.field.name')}</th>
              <th scope="col">{t('customer.field.stage')}</th>
              <th scope="col">{t('stages.column.owner')}</th>
              <th scope="col">{t('customer.field.lastContactAt')}</th>
              {manages && <th scope="col">{t('paused.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {customers.map((customer) => {
              const name = customer.name ?? `#${customer.id}`;
              return (
                <tr key={customer.id} data-customer-id={customer.id}>
                  <td>
                    <Link href={pathOf({ page: 'customer', id: customer.id })}>{name}</Link>
                  </td>
                  <td>{stageName(customer.stage)}</td>
                  <td>{personName(customer.ownerId)}</td>
                  <td>{customer.lastContactAt === null || customer.lastContactAt === undefined ? t('common.none') : format.dateTime(customer.lastContactAt)}</td>
                  {manages && (
                    <td className="paused-actions">
                      <ReassignPanel customer={customer} onReassigned={changed} />
                      <RemoveClaimPanel customerId={customer.id} customerName={name} onRemoved={changed} />
                    </td>
                  )}
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
