import type { EntityName } from '../../definitions/entity.schema.ts';
import type { QueueScope } from '../../engine/queues/compile-queue-section-sql.ts';

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
        where: (alias, bind) =>
          `${alias}."deleted_at" is null and exists (select 1 from customer_owner qo where qo.customer_id = ${alias}."id" and qo.user_id = ${bind(userId, 'bigint')})`,
        columns: (alias) => [`${alias}."id" as customer_id`],
      };
    case 'opportunity':
    case 'order':
    case 'ticket':
      return {
        // The owner's customer ids as one array (an InitPlan run once), so the planner walks the records of those
        // customers by their customer_id index instead of sorting every open record and testing each one's owner.
        where: (alias, bind) =>
          `${alias}."deleted_at" is null and ${alias}."customer_id" = any(array(select qo.customer_id from customer_owner qo ` +
          `join customer qc on qc.id = qo.customer_id where qo.user_id = ${bind(userId, 'bigint')} and qc.deleted_at is null))`,
        columns: (alias) => [`${alias}."customer_id" as customer_id`],
      };
    case 'contact':
    case 'lead':
      return undefined;
  }
}
