import { Migration } from '@mikro-orm/migrations';

// Spelled out, not imported: a released migration must not change when the code does. The listener's
// sessionChangeChannel (api/auth/session-change-listener.ts) names the same channel.
const channel = 'stagecraft_session_changes';

/** Which rows' changes reach the session cache, and which of their columns names what the cache drops. */
const noticeTables = [
  { table: 'user_session', kind: 'sessions', key: 'id' },
  { table: 'app_user', kind: 'users', key: 'id' },
  { table: 'role', kind: 'roles', key: 'key' },
] as const;

/**
 * Notices that let each API process keep signed-in sessions in memory (api/auth/session-cache.ts, docs/auth.md). The
 * database sends them itself, so no write path can forget one: a session deleted or its expiry changed, a user changed
 * or deleted, a role changed or deleted. Each payload names the schema (processes of several schemas may share one
 * database) and what changed: `{"schema", "kind": "sessions" | "users" | "roles", "keys": [...]}`, or
 * `{"schema", "kind": "all", "keys": []}` when the keys would not fit PostgreSQL's 8000-byte payload limit or a table
 * was truncated.
 *
 * Deletes and user and role updates fire once per statement over its transition table, so a sweep deleting thousands
 * of sessions sends one notice. A session's update fires per row, and only when its expiry, user or id changes: the
 * last_seen_at write of every active session (once a minute each) must not fire anything, and a statement trigger
 * cannot both carry transition tables and name columns. Nothing updates expiries in bulk.
 */
export class MigrationSessionChangeNotices extends Migration {
  override name = '0018-session-change-notices';

  override up(): void {
    this.addSql(`
      create function session_change_notice(kind text, keys text[]) returns void language plpgsql as $$
      declare
        payload text := json_build_object('schema', current_schema(), 'kind', kind, 'keys', keys)::text;
      begin
        if kind <> 'all' and cardinality(keys) = 0 then return; end if;
        -- pg_notify refuses 8000 bytes and more; "everything changed" always fits.
        if octet_length(payload) >= 7900 then
          payload := json_build_object('schema', current_schema(), 'kind', 'all', 'keys', array[]::text[])::text;
        end if;
        perform pg_notify('${channel}', payload);
      end $$`);
    // tg_argv[0]: the payload's kind; tg_argv[1]: the column of the transition table whose values are the keys.
    this.addSql(`
      create function session_change_notice_of_statement() returns trigger language plpgsql as $$
      declare
        keys text[];
      begin
        execute format('select coalesce(array_agg(distinct %I::text), array[]::text[]) from changed_rows', tg_argv[1]) into keys;
        perform session_change_notice(tg_argv[0], keys);
        return null;
      end $$`);
    this.addSql(`
      create function session_change_notice_of_session_row() returns trigger language plpgsql as $$
      begin
        perform session_change_notice('sessions', array[old.id::text]);
        return null;
      end $$`);
    this.addSql(`
      create function session_change_notice_of_truncate() returns trigger language plpgsql as $$
      begin
        perform session_change_notice('all', array[]::text[]);
        return null;
      end $$`);

    for (const { table, kind, key } of noticeTables) {
      this.addSql(`
        create trigger ${table}_session_notice_on_delete after delete on ${table}
        referencing old table as changed_rows for each statement execute function session_change_notice_of_statement('${kind}', '${key}')`);
      this.addSql(`
        create trigger ${table}_session_notice_on_truncate after truncate on ${table}
        for each statement execute function session_change_notice_of_truncate()`);
    }
    for (const { table, kind, key } of noticeTables.filter((t) => t.table !== 'user_session')) {
      this.addSql(`
        create trigger ${table}_session_notice_on_update after update on ${table}
        referencing old table as changed_rows for each statement execute function session_change_notice_of_statement('${kind}', '${key}')`);
    }
    this.addSql(`
      create trigger user_session_session_notice_on_update after update of id, user_id, expires_at on user_session
      for each row when (old.id is distinct from new.id or old.user_id is distinct from new.user_id or old.expires_at is distinct from new.expires_at)
      execute function session_change_notice_of_session_row()`);
  }

  override down(): void {
    for (const { table } of noticeTables) {
      for (const event of ['delete', 'truncate', 'update']) this.addSql(`drop trigger if exists ${table}_session_notice_on_${event} on ${table}`);
    }
    this.addSql('drop function if exists session_change_notice_of_truncate()');
    this.addSql('drop function if exists session_change_notice_of_session_row()');
    this.addSql('drop function if exists session_change_notice_of_statement()');
    this.addSql('drop function if exists session_change_notice(text, text[])');
  }
}
