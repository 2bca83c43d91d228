import { Migration } from '@mikro-orm/migrations';

/**
 * The work queue's records without a probe per owned customer (docs/work-queue.md). The queue lists the
 * opportunities, orders and tickets of a rep's ~5,000 customers; found by one `customer_id` index probe per customer,
 * that was ~10,000 pages per entity and request, though most customers have none. Each customer now says whether it
 * has live (not deleted) records of each kind, and a small index per kind lists an owner's customers that do: the
 * queue probes only those.
 *
 * The flags are kept by the database itself, so no write path can forget them: a statement-level trigger after
 * inserts sets the flag of the customers the new live rows belong to (one set-based update however many rows, only
 * for customers not flagged yet); a row trigger after a delete, a soft delete or restore, or a move to another
 * customer locks the customers concerned and recomputes their flags from the definition (the lock makes it wait for
 * a concurrent insert of a record of theirs, so a recount never misses one). `test/work-queue/
 * customer-live-record-flags.test.ts` checks that after random operations every flag equals its definition.
 *
 * customer_owner_id_index (owner_id) is dropped: customer_queue_owner_index leads with owner_id for the same live rows
 * (`owner_id = $1` implies its `owner_id is not null`), and one index less is one less to write on every ownership
 * move.
 */
const liveRecordFlags = [
  { table: 'opportunity', column: 'has_live_opportunities', index: 'customer_live_opportunities_owner_index' },
  { table: 'sales_order', column: 'has_live_orders', index: 'customer_live_orders_owner_index' },
  { table: 'ticket', column: 'has_live_tickets', index: 'customer_live_tickets_owner_index' },
] as const;

export class MigrationWorkQueueSpeed extends Migration {
  override name = '0017-work-queue-speed';

  override up(): void {
    this.addSql(`alter table customer ${liveRecordFlags.map(({ column }) => `add column ${column} boolean not null default false`).join(', ')}`);
    for (const { table, column } of liveRecordFlags) {
      this.addSql(`update customer c set ${column} = true where exists (select 1 from ${table} r where r.customer_id = c.id and r.deleted_at is null)`);
    }
    // tg_argv[0]: the flag column of the trigger's table.
    this.addSql(`
      create function customer_live_records_added() returns trigger language plpgsql as $$
      begin
        execute format(
          'update customer c set %1$I = true from (select distinct customer_id from added where deleted_at is null) a
           where c.id = a.customer_id and not c.%1$I', tg_argv[0]);
        return null;
      end $$`);
    this.addSql(`
      create function customer_live_records_changed() returns trigger language plpgsql as $$
      declare
        customers bigint[] := array_remove(array[
          case when tg_op <> 'INSERT' then old.customer_id end,
          case when tg_op <> 'DELETE' then new.customer_id end], null);
      begin
        -- FOR UPDATE conflicts with the key-share lock an insert's foreign-key check holds on its customer until it
        -- commits: a record being added meanwhile is committed (and seen by the recount's fresh snapshot) before the
        -- flag is recomputed, or waits for this transaction and then finds the flag to set.
        perform 1 from customer where id = any(customers) order by id for update;
        execute format(
          'update customer c set %1$I = exists (select 1 from %2$I r where r.customer_id = c.id and r.deleted_at is null)
           where c.id = any($1)', tg_argv[0], tg_table_name)
          using customers;
        return null;
      end $$`);
    for (const { table, column, index } of liveRecordFlags) {
      this.addSql(`
        create trigger ${table}_flags_customer_on_insert after insert on ${table}
        referencing new table as added for each statement execute function customer_live_records_added('${column}')`);
      this.addSql(`
        create trigger ${table}_flags_customer_on_change after update of customer_id, deleted_at or delete on ${table}
        for each row execute function customer_live_records_changed('${column}')`);
      this.addSql(`create index ${index} on customer (owner_id, id) where deleted_at is null and ${column}`);
    }
    this.addSql('drop index if exists customer_owner_id_index');
  }

  override down(): void {
    this.addSql('create index customer_owner_id_index on customer (owner_id) where deleted_at is null');
    for (const { table, index } of liveRecordFlags) {
      this.addSql(`drop index if exists ${index}`);
      this.addSql(`drop trigger if exists ${table}_flags_customer_on_change on ${table}`);
      this.addSql(`drop trigger if exists ${table}_flags_customer_on_insert on ${table}`);
    }
    this.addSql('drop function if exists customer_live_records_changed()');
    this.addSql('drop function if exists customer_live_records_added()');
    this.addSql(`alter table customer ${liveRecordFlags.map(({ column }) => `drop column if exists ${column}`).join(', ')}`);
  }
}
