import { Migration } from '@mikro-orm/migrations';

/**
 * Lets a batch of leads be written in one autocommitted statement instead of a transaction of several round trips
 * (api/leads/intake-lead.ts, docs/leads.md). The batch reads and decides without any lock; its write then calls
 * `lead_intake_gate` first, and its inserts happen only when the gate answers `ok`:
 *
 * - the gate takes the advisory locks of the batch's dedupe keys, each once and in one order, held to the commit;
 * - it looks for a live lead or customer sharing a phone, or a live lead sharing an email key, with the batch's new
 *   leads. It is VOLATILE, so this query takes a snapshot of its own, after the locks are granted: it sees what a
 *   competitor committed while holding one, which the calling statement's snapshot (taken before) cannot;
 * - it moves the policy's routing state to the batch's final state, but only from the version the batch read (the
 *   row is created at version 1 by the first batch that finds none, which read version 0). Another process's batch
 *   to the same policy committed in between means the decisions rest on a stale state.
 *
 * A batch that writes no lead (only notes on the records its leads duplicate) passes no state and leaves it alone.
 * The gate answers `duplicate` or `stale` having written nothing, and the batch is read and decided again, under its locks.
 * The duplicate test is the one the batch's read makes (duplicateMatchesSql in api/leads/lead-intake-read.ts), minus
 * the visibility that only the read needs.
 */
export class MigrationLeadIntakeGate extends Migration {
  override name = '0019-lead-intake-gate';

  override up(): void {
    this.addSql('alter table routing_state add column version bigint not null default 1 check (version > 0)');
    this.addSql(`
      create function lead_intake_gate(lock_names text[], phones text[], emails text[], policy text, read_version bigint, next_state jsonb,
                                       at timestamptz)
      returns text language plpgsql volatile as $$
      begin
        perform pg_advisory_xact_lock(hashtext(k)) from (select distinct k from unnest(lock_names) as k order by k) s;
        -- "is not null" spelled out: a cached generic plan cannot prove it from "= any(...)", and without it the partial
        -- indexes do not apply and every lead would be scanned.
        if exists (select 1 from lead where deleted_at is null and phone_normalized is not null and phone_normalized = any(phones))
           or exists (select 1 from lead where deleted_at is null and email_key is not null and email_key = any(emails))
           or exists (select 1 from customer where deleted_at is null and phone_normalized is not null and phone_normalized = any(phones)) then
          return 'duplicate';
        end if;
        if next_state is null then
          return 'ok';
        elsif read_version = 0 then
          insert into routing_state (policy_key, state, version, updated_at) values (policy, next_state, 1, at) on conflict (policy_key) do nothing;
        else
          update routing_state set state = next_state, version = version + 1, updated_at = at where policy_key = policy and version = read_version;
        end if;
        return case when found then 'ok' else 'stale' end;
      end $$`);
  }

  override down(): void {
    this.addSql('drop function if exists lead_intake_gate(text[], text[], text[], text, bigint, jsonb, timestamptz)');
    this.addSql('alter table routing_state drop column if exists version');
  }
}
