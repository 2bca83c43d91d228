import type { Customer } from '../api/customers.ts';
import type { QueueItem } from '../api/queue-items.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useSession } from '../shell/session-context.ts';

type Summary = Pick<Customer, 'stage' | 'ownership'> & Partial<Pick<Customer, 'phone' | 'callCount' | 'lastContactAt' | 'nextFollowUpAt' | 'doNotCall'>>;

/** The few facts a rep needs before dialling: stage, phone, ownership, calls so far, last and next contact. */
export function CustomerSummary({ customer }: { customer: Summary | QueueItem['customer'] }) {
  const { format, stageName } = useSession();
  const { t } = useI18n();
  const none = t('common.none');
  const when = (value: string | null | undefined) => (value === null || value === undefined ? none : format.dateTime(value));
  const rows: Array<[string, string]> = [
    [t('customer.field.stage'), stageName(customer.stage)],
    [t('customer.field.phone'), customer.phone ?? none],
    [t('customer.field.ownership'), t(`ownership.${customer.ownership as Customer['ownership']}` as const)],
    [t('customer.field.callCount'), customer.callCount === undefined ? none : String(customer.callCount)],
    [t('customer.field.lastContactAt'), when(customer.lastContactAt)],
    [t('customer.field.nextFollowUpAt'), when(customer.nextFollowUpAt)],
  ];
  if (customer.doNotCall === true) rows.push([t('customer.field.doNotCall'), t('common.yes')]);
  return (
    <dl className="facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
