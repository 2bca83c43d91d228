import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName } from '../../definitions/entity.schema.ts';
import type { FactDefinition } from '../../definitions/fact-catalogue.schema.ts';
import type { QueueSection } from '../../definitions/queue-policy.schema.ts';
import { encodeQueuePosition } from '../../engine/queues/queue-position.ts';
import type { QueueSortKey } from '../../engine/queues/queue-sort-keys.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import { customerAccessOf } from '../customers/customer-access.ts';
import { recordFieldAccess, visibleDocument, type ColumnField, type RecordFieldAccess } from '../customers/record-field-access.ts';
import { boundQuery } from '../database/bound-query.ts';
import type { QueueDefinitions } from './queue-definitions.ts';
import type { QueueItemView } from './work-queue-view.schema.ts';

/** A row of a compiled section query (engine/queues/compile-queue-section-sql.ts). */
export interface SectionRow {
  id: string;
  bucket: QueueItemView['due']['bucket'];
  due: Date | string | null;
  sort_keys: Array<string | null>;
  customer_id: string;
}

/** A row with the section it came from and that section's keys. */
export interface PlacedRow {
  section: QueueSection;
  keys: readonly QueueSortKey[];
  dueFact: FactDefinition;
  row: SectionRow;
}

// The built-in fields of an opportunity, order or ticket a role's fieldPermissions may mask or hide in the queue.
const recordColumnFields: readonly ColumnField[] = [
  { key: 'amount', label: { en: 'Amount', 'zh-CN': '金额' }, type: 'number', writable: false },
  { key: 'nextFollowUpAt', label: { en: 'Next follow-up', 'zh-CN': '下次跟进时间' }, type: 'date', writable: false },
];

/** What each entity's queue item shows of the record itself; only these columns are ever read. */
const recordSummarySql: Partial<Record<EntityName, string>> = {
  opportunity: `select id::int as id, name as title, stage, amount, next_follow_up_at, custom_fields from opportunity where id = any($1::bigint[])`,
  order: `select id::int as id, order_number as title, status as stage, amount, next_follow_up_at, custom_fields from sales_order where id = any($1::bigint[])`,
  ticket: `select id::int as id, subject as title, status as stage, null::numeric as amount, null::timestamptz as next_follow_up_at,
           '{}'::jsonb as custom_fields from ticket where id = any($1::bigint[])`,
};

interface CustomerSummaryRow {
  id: number;
  name: string;
  phone: string | null;
  stage: string;
  ownership: 'personal' | 'collaborative' | 'pool';
  do_not_call: boolean;
  call_count: number;
  last_contact_at: Date | string | null;
  next_follow_up_at: Date | string | null;
  custom_fields: Record<string, unknown>;
}

interface RecordSummaryRow {
  id: number;
  title: string;
  stage: string;
  amount: string | null;
  next_follow_up_at: Date | string | null;
  custom_fields: Record<string, unknown>;
}

/** An instant as ISO 8601; node-postgres hands raw queries' timestamptz values over as text ('2026-03-08 05:00:00.12+00'). */
function iso(value: Date | string | null): string | null {
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString();
  return new Date(value.replace(' ', 'T').replace(/([+-][0-9]{2})$/, '$1:00')).toISOString();
}

/** Whether the caller may read a fact's value plainly: then its sort value may travel in a position token. */
function mayCarry(fact: FactDefinition | undefined, access: RecordFieldAccess): boolean {
  if (fact === undefined) return true;
  const { source } = fact;
  const readable = (level: string | undefined) => level === 'read' || level === 'write';
  if (source.kind === 'customField') return readable(access.custom.get(source.key)?.access);
  if (source.kind === 'column') {
    const column = access.columns.get(fact.name);
    return column === undefined || readable(column.access);
  }
  // Day counts and aggregates derive from other fields: read them from the row instead of handing them out.
  return false;
}

/** The queue items of placed rows, with their customers and records as the caller may see them, in row order. */
export async function queueItemViews(
  em: EntityManager,
  caller: SignedIn,
  definitions: QueueDefinitions,
  placed: readonly PlacedRow[],
): Promise<QueueItemView[]> {
  if (placed.length === 0) return [];
  const customerIds = [...new Set(placed.map((entry) => entry.row.customer_id))];
  const accessByEntity = new Map<EntityName, RecordFieldAccess>();
  const customerAccess = customerAccessOf(caller.role, definitions.fields.customer ?? []);
  accessByEntity.set('customer', customerAccess);
  const recordReads: Array<{ entity: EntityName; sql: string; ids: string[] }> = [];
  for (const entity of new Set(placed.map((entry) => entry.section.entity))) {
    const sql = recordSummarySql[entity];
    if (sql === undefined) continue;
    accessByEntity.set(entity, recordFieldAccess(entity, caller.role, recordColumnFields, definitions.fields[entity] ?? []));
    recordReads.push({ entity, sql, ids: placed.filter((entry) => entry.section.entity === entity).map((entry) => entry.row.id) });
  }
  // One read per table, side by side on pooled connections.
  const [customerRows, ...recordRows] = await Promise.all([
    boundQuery<CustomerSummaryRow>(
      em,
      `select id::int as id, name, phone, stage, ownership, do_not_call, call_count, last_contact_at, next_follow_up_at, custom_fields
       from customer where id = any($1::bigint[])`,
      [customerIds],
    ),
    ...recordReads.map(async ({ entity, sql, ids }) =>
      (await boundQuery<RecordSummaryRow>(em, sql, [ids])).map((row): [string, RecordSummaryRow] => [`${entity}:${row.id}`, row]),
    ),
  ]);
  const customers = new Map(customerRows.map((row) => [String(row.id), row]));
  const records = new Map<string, RecordSummaryRow>(recordRows.flat());

  return placed.map(({ section, keys, dueFact, row }) => {
    const access = accessByEntity.get(section.entity)!;
    const customer = customers.get(row.customer_id)!;
    const position = encodeQueuePosition({
      section: section.id,
      entity: section.entity,
      id: row.id,
      keys: row.sort_keys.map((value, index) => (mayCarry(keys[index]!.fact, access) ? value : undefined)),
    });
    const due: QueueItemView['due'] = { bucket: row.bucket };
    if (mayCarry(dueFact, access)) due.at = dueFact.type === 'datetime' ? iso(row.due) : row.due === null ? null : String(row.due);
    const item: QueueItemView = {
      position,
      section: section.id,
      entity: section.entity,
      id: Number(row.id),
      due,
      customer: visibleDocument(
        {
          id: customer.id,
          name: customer.name,
          phone: customer.phone,
          stage: customer.stage,
          ownership: customer.ownership,
          doNotCall: customer.do_not_call,
          callCount: customer.call_count,
          lastContactAt: iso(customer.last_contact_at),
          nextFollowUpAt: iso(customer.next_follow_up_at),
          customFields: customer.custom_fields,
        },
        customerAccess,
      ) as QueueItemView['customer'],
    };
    if (section.taskKind !== undefined) item.taskKind = section.taskKind;
    if (section.scriptId !== undefined) item.scriptId = section.scriptId;
    const record = records.get(`${section.entity}:${row.id}`);
    if (record !== undefined) {
      item.record = visibleDocument(
        {
          id: record.id,
          title: record.title,
          stage: record.stage,
          amount: record.amount === null ? null : Number(record.amount),
          nextFollowUpAt: iso(record.next_follow_up_at),
          customFields: record.custom_fields,
        },
        access,
      ) as QueueItemView['record'];
    }
    return item;
  });
}
