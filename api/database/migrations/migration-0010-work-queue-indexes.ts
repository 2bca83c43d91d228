import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes for the work queue (docs/work-queue.md), which reads all of one person's customers on every request.
 * Through customer_owner those are ~5,000 random visits to the customer table; here the primary owner's live
 * customers lie side by side in one index, stage by stage (then by next follow-up, so "has a follow-up" is a range
 * of it), with the columns the grid counts and the sections order by: the counts and a stage's candidates come from
 * the index alone. Collaborators (a few per cent of anyone's
 * customers) are found through their own small index on customer_owner. Both keep `customer.owner_id` equal to the
 * primary customer_owner row, as every ownership command does (api/ownership/change-owners.ts).
 */
export class MigrationWorkQueueIndexes extends Migration {
  override name = '0010-work-queue-indexes';

  override up(): void {
    this.addSql(`
      create index customer_queue_owner_index on customer (owner_id, stage, next_follow_up_at)
        include (last_contact_at, created_at, id)
        where deleted_at is null and owner_id is not null`);
    this.addSql("create index customer_owner_collaborator_index on customer_owner (user_id, customer_id) where role = 'collaborator'");
  }

  override down(): void {
    this.addSql('drop index if exists customer_owner_collaborator_index');
    this.addSql('drop index if exists customer_queue_owner_index');
  }
}
