import { Migration } from '@mikro-orm/migrations';

/**
 * What the outbox dispatcher keeps per message: when it was delivered, when and why it was parked as a dead letter
 * (the reason in both languages, for the admins' list), a `discarded` status for a dead letter an admin gave up on,
 * and an index for the list. Claiming needs no lease column: a worker holds the row lock (`for update skip locked`)
 * for as long as it delivers, and a dead worker's lock goes with its connection.
 */
export class MigrationOutboxDispatch extends Migration {
  override name = '0006-outbox-dispatch';

  override up(): void {
    this.addSql('alter table outbox drop constraint outbox_status_check');
    this.addSql(
      "alter table outbox add constraint outbox_status_check check (status in ('pending', 'done', 'failed', 'dead', 'discarded'))",
    );
    this.addSql('alter table outbox add column done_at timestamptz');
    this.addSql('alter table outbox add column dead_at timestamptz');
    this.addSql('alter table outbox add column dead_reason jsonb');
    this.addSql("create index outbox_dead_index on outbox (dead_at desc, id desc) where status = 'dead'");
  }

  override down(): void {
    this.addSql('drop index outbox_dead_index');
    this.addSql('alter table outbox drop column dead_reason');
    this.addSql('alter table outbox drop column dead_at');
    this.addSql('alter table outbox drop column done_at');
    this.addSql("update outbox set status = 'dead' where status = 'discarded'");
    this.addSql('alter table outbox drop constraint outbox_status_check');
    this.addSql("alter table outbox add constraint outbox_status_check check (status in ('pending', 'done', 'failed', 'dead'))");
  }
}
