import type { EntityName } from '../../definitions/entity.schema.ts';
import type { BindValue, QueueCommonTable, QueueScope } from '../../engine/queues/queue-scope.ts';

/**
 * A person's live customers are read in two parts (migration 0010): those they own primarily from
 * customer_queue_owner_index — `customer.owner_id`, which the ownership commands keep equal to the primary
 * customer_owner row — where they lie side by side, stage by stage, with the columns the counts and the sections
 * order by; and the few they collaborate on through customer_owner_collaborator_index, read once per statement.
 * A person is never both for one customer (customer_owner's key), so UNION ALL lists each customer once. Going
 * through customer_owner for all of them instead visits ~5,000 scattered customer rows per section.
 */
const collaborated = 'queue_collaborated_customers';

/**
 * The customer flag saying a customer has live rows of a record entity (migration 0017, kept by triggers): only
 * flagged customers can have records in the queue, so only they are probed by customer_id.
 */
const liveRecordFlags = { opportunity: 'has_live_opportunities', order: 'has_live_orders', ticket: 'has_live_tickets' } as const;

/** The collaborated customers' rows, read once per statement however many sections use them. */
function collaboratedCustomers(userId: number): QueueCommonTable {
  return {
    name: collaborated,
    sql: (bind: BindValue) =>
      `select c.* from customer_owner co join customer c on c.id = co.customer_id ` +
      `where co.user_id = ${bind(userId, 'bigint')} and co.role = 'collaborator' and c.deleted_at is null`,
  };
}

/**
 * The ids of the owned customers with live records in `flag`'s table, as one array — so the planner walks those
 * records by their customer_id index (a probe per id) instead of sorting every record and testing each one's owner.
 * The primary owner's come from the flag's own index, without visiting the customer rows.
 */
function customersWithRecords(userId: number, flag: string): QueueCommonTable {
  return {
    name: `queue_customers_${flag}`,
    sql: (bind: BindValue) =>
      `select array(select c.id from customer c where c.owner_id = ${bind(userId, 'bigint')} and c.deleted_at is null and c.${flag} ` +
      `union all select q.id from ${collaborated} q where q.${flag}) as ids`,
  };
}

/**
 * The records a person's queue holds: their own work, never widened by what their role may see. A customer is
 * theirs while they own it, primarily or as a collaborator (customer_owner); an opportunity, order or ticket while
 * they own its customer — so a reassigned or released customer leaves the queue with everything of it at once.
 * Deleted records and records of deleted customers are left out. Other entities have no queue scope yet.
 */
export function queueScopeOf(entity: EntityName, userId: number): QueueScope | undefined {
  switch (entity) {
    case 'customer':
      return {
        commonTables: [collaboratedCustomers(userId)],
        from: (alias, bind) =>
          `(select c.* from customer c where c.owner_id = ${bind(userId, 'bigint')} and c.deleted_at is null ` +
          `union all select * from ${collaborated}) as ${alias}`,
        where: () => 'true',
        columns: (alias) => [`${alias}."id" as customer_id`],
      };
    case 'opportunity':
    case 'order':
    case 'ticket': {
      const withRecords = customersWithRecords(userId, liveRecordFlags[entity]);
      return {
        commonTables: [collaboratedCustomers(userId), withRecords],
        where: (alias) => `${alias}."deleted_at" is null and ${alias}."customer_id" = any((select ids from ${withRecords.name})::bigint[])`,
        columns: (alias) => [`${alias}."customer_id" as customer_id`],
      };
    }
    case 'contact':
    case 'lead':
      return undefined;
  }
}
