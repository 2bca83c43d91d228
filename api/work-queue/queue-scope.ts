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
const ownedIds = 'queue_owned_customer_ids';

/** The collaborated customers' rows, then every owned customer's id (which reads the former). */
function ownerCommonTables(userId: number): QueueCommonTable[] {
  return [
    {
      name: collaborated,
      sql: (bind: BindValue) =>
        `select c.* from customer_owner co join customer c on c.id = co.customer_id ` +
        `where co.user_id = ${bind(userId, 'bigint')} and co.role = 'collaborator' and c.deleted_at is null`,
    },
    {
      // As one array, so the planner walks the records of those customers by their customer_id index (an index scan
      // per id) instead of sorting every open record and testing each one's owner.
      name: ownedIds,
      sql: (bind: BindValue) =>
        `select array(select c.id from customer c where c.owner_id = ${bind(userId, 'bigint')} and c.deleted_at is null ` +
        `union all select q.id from ${collaborated} q) as ids`,
    },
  ];
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
        commonTables: ownerCommonTables(userId).slice(0, 1),
        from: (alias, bind) =>
          `(select c.* from customer c where c.owner_id = ${bind(userId, 'bigint')} and c.deleted_at is null ` +
          `union all select * from ${collaborated}) as ${alias}`,
        where: () => 'true',
        columns: (alias) => [`${alias}."id" as customer_id`],
      };
    case 'opportunity':
    case 'order':
    case 'ticket':
      return {
        commonTables: ownerCommonTables(userId),
        where: (alias) => `${alias}."deleted_at" is null and ${alias}."customer_id" = any((select ids from ${ownedIds})::bigint[])`,
        columns: (alias) => [`${alias}."customer_id" as customer_id`],
      };
    case 'contact':
    case 'lead':
      return undefined;
  }
}
