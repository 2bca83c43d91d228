import type { CommandContext } from '../commands/command-context.ts';
import { BindParams, boundExecute, boundQuery } from '../database/bound-query.ts';
import { autoNumberText, nextAutoNumber } from '../customers/auto-number.ts';
import { dedupeKeyOf } from '../customers/customer-dedupe.ts';
import { customerDocument, type CustomerDocument, type CustomerRow } from '../customers/customer-document.ts';
import { startingPoint } from '../customers/customer-stage.ts';
import type { RecordDefinitions } from '../customers/published-definitions.ts';
import { effectMessages } from '../outbox/effect-messages.ts';
import type { RowDecision, ImportRun } from './plan-import-batch.ts';

type Create = Extract<RowDecision, { kind: 'create' }>;
type Update = Extract<RowDecision, { kind: 'update' }>;

/** Numbers the batch's auto-number fields in one counter update per field: the rows' values in row order. */
async function autoNumbered(context: CommandContext, definitions: RecordDefinitions, creates: readonly Create[]): Promise<Array<Record<string, unknown>>> {
  const values = creates.map((create) => ({ ...create.candidate.customFields }));
  for (const field of definitions.fields) {
    if (field.type !== 'autoNumber') continue;
    const unnumbered = values.filter((row) => row[field.key] === undefined || row[field.key] === null || row[field.key] === '');
    if (unnumbered.length === 0) continue;
    const last = await nextAutoNumber(context.em, 'customer', field.key, unnumbered.length);
    unnumbered.forEach((row, index) => {
      row[field.key] = autoNumberText(field, last - unnumbered.length + 1 + index);
    });
  }
  return values;
}

/**
 * Inserts the batch's new customers with set-based statements — customers, their owners and ownership events — and
 * hands their audit entries (the engine's start-in-stage trace) and stage entry effects to the command's runner,
 * which writes those in one statement too. The same rows insertCustomer would write, without a round trip per row.
 */
export async function insertImportedCustomers(
  context: CommandContext,
  run: ImportRun,
  definitions: RecordDefinitions,
  importId: number,
  creates: readonly Create[],
): Promise<void> {
  if (creates.length === 0) return;
  const { importer, owner } = run;
  const now = context.now;
  const customFields = await autoNumbered(context, definitions, creates);
  const actor = { userId: String(importer.user.id), roles: [importer.role.key] };
  const rows = creates.map(({ candidate, keys }, index) => {
    const start = startingPoint(definitions.machine.document, candidate.stage, {
      actor,
      facts: { name: candidate.name, phone: candidate.phone, stage: candidate.stage, ownership: owner.ownership, owner_id: owner.ownerId, custom_fields: customFields[index] },
      now,
      timeZone: importer.user.timeZone,
      catalogue: definitions.catalogue,
    });
    return {
      start,
      row: {
        name: candidate.name,
        name_key: keys.nameKey,
        phone: candidate.phone,
        phone_normalized: candidate.phoneNormalized,
        keywords: candidate.keywords,
        keyword_keys: keys.keywordKeys,
        stage: start.snapshot.value,
        machine_snapshot: start.snapshot,
        do_not_call: candidate.doNotCall ?? false,
        contract_ends_on: candidate.contractEndsOn,
        next_follow_up_at: candidate.nextFollowUpAt?.toISOString() ?? null,
        custom_fields: customFields[index],
      },
    };
  });

  const bind = new BindParams();
  const inserted = await boundQuery<{ id: string; name_key: string }>(
    context.em,
    `insert into customer (name, name_key, phone, phone_normalized, keywords, keyword_keys, stage, machine_snapshot, definition_key,
                           definition_version, ownership, owner_id, team_id, do_not_call, contract_ends_on, next_follow_up_at,
                           custom_fields, created_by, created_at, updated_at)
     select r.name, r.name_key, r.phone, r.phone_normalized, r.keywords, r.keyword_keys, r.stage, r.machine_snapshot,
            ${bind.add(definitions.machine.key)}, ${bind.add(definitions.machine.version)}::int, ${bind.add(owner.ownership)},
            ${bind.add(owner.ownerId)}::bigint, ${bind.add(owner.teamId)}::bigint, r.do_not_call, r.contract_ends_on, r.next_follow_up_at,
            r.custom_fields, ${bind.add(importer.user.id)}::bigint, ${bind.add(now)}::timestamptz, ${bind.add(now)}::timestamptz
     from jsonb_to_recordset(${bind.add(JSON.stringify(rows.map((entry) => entry.row)))}::jsonb)
       as r(name text, name_key text, phone text, phone_normalized text, keywords text[], keyword_keys text[], stage text,
            machine_snapshot jsonb, do_not_call boolean, contract_ends_on date, next_follow_up_at timestamptz, custom_fields jsonb)
     returning id, name_key`,
    bind.values,
  );
  const idByName = new Map(inserted.map((row) => [row.name_key, Number(row.id)]));
  const ids = rows.map((entry) => idByName.get(entry.row.name_key)!);

  await boundExecute(
    context.em,
    `with owners as (
       insert into customer_owner (customer_id, user_id, role, since)
       select id, $2::bigint, 'primary', $3::timestamptz from unnest($1::bigint[]) as id where $2::bigint is not null
     )
     insert into ownership_event (customer_id, owner_id, action, actor_id, occurred_at)
     select id, $2::bigint, 'create', $4::bigint, $3::timestamptz from unnest($1::bigint[]) as id`,
    [ids, owner.ownerId, now, context.actorId],
  );

  const owners = owner.ownerId === null ? [] : [{ userId: owner.ownerId, role: 'primary' as const, since: now }];
  rows.forEach(({ start, row }, index) => {
    const id = ids[index]!;
    const document = customerDocument(
      {
        id,
        name: row.name,
        nameKey: row.name_key,
        phone: row.phone,
        phoneNormalized: row.phone_normalized,
        keywords: row.keywords,
        keywordKeys: row.keyword_keys,
        stage: row.stage,
        machineSnapshot: row.machine_snapshot,
        definitionKey: definitions.machine.key,
        definitionVersion: definitions.machine.version,
        ownership: owner.ownership,
        ownerId: owner.ownerId,
        teamId: owner.teamId,
        doNotCall: row.do_not_call,
        callCount: 0,
        totalDealAmount: 0,
        contractEndsOn: row.contract_ends_on,
        lastContactAt: null,
        lastDealAt: null,
        nextFollowUpAt: creates[index]!.candidate.nextFollowUpAt,
        customFields: row.custom_fields ?? {},
        createdBy: importer.user.id,
        createdAt: now,
        updatedAt: now,
        version: 1,
        deletedAt: null,
        deletedBy: null,
      } as CustomerRow,
      owners,
    );
    context.audit({
      entity: 'customer',
      recordId: id,
      customerId: id,
      action: 'create',
      before: null,
      after: { ...document },
      why: { kind: 'trace', trace: start.trace, payload: { importId, row: creates[index]!.candidate.rowNumber } },
    });
    for (const message of effectMessages(
      { entity: 'customer', recordId: id, version: 1, cause: `enter:${start.snapshot.value}`, actorId: context.actorId },
      start.effects,
    )) {
      context.enqueue(message);
    }
  });
}

type Changes = Partial<Pick<CustomerDocument, 'phone' | 'keywords' | 'doNotCall' | 'contractEndsOn' | 'nextFollowUpAt' | 'customFields'>>;

/** The stored values an update row changes (only the columns the row filled), before and after. */
function changesOf(update: Update): { before: Changes; after: Changes; phoneNormalized: string | null } {
  const { candidate, existing } = update;
  const before: Changes = {};
  const after: Changes = {};
  let phoneNormalized = existing.phoneNormalized;
  if (candidate.given.has('phone') && candidate.phoneNormalized !== existing.phoneNormalized) {
    [before.phone, after.phone, phoneNormalized] = [existing.phone, candidate.phone, candidate.phoneNormalized];
  }
  if (candidate.given.has('keywords')) {
    // Keywords add up: the file's join those already kept.
    const merged = [...new Set([...existing.keywords, ...candidate.keywords])];
    if (merged.length !== existing.keywords.length) [before.keywords, after.keywords] = [existing.keywords, merged];
  }
  if (candidate.given.has('doNotCall') && candidate.doNotCall !== existing.doNotCall) [before.doNotCall, after.doNotCall] = [existing.doNotCall, candidate.doNotCall!];
  if (candidate.given.has('contractEndsOn') && candidate.contractEndsOn !== existing.contractEndsOn) {
    [before.contractEndsOn, after.contractEndsOn] = [existing.contractEndsOn, candidate.contractEndsOn];
  }
  if (candidate.given.has('nextFollowUpAt') && candidate.nextFollowUpAt?.getTime() !== existing.nextFollowUpAt?.getTime()) {
    [before.nextFollowUpAt, after.nextFollowUpAt] = [existing.nextFollowUpAt?.toISOString() ?? null, candidate.nextFollowUpAt?.toISOString() ?? null];
  }
  if (candidate.given.has('customFields') && JSON.stringify(update.customFields) !== JSON.stringify(existing.customFields)) {
    [before.customFields, after.customFields] = [existing.customFields, update.customFields];
  }
  return { before, after, phoneNormalized };
}

/**
 * Applies the batch's updates in one statement, each guarded by the version the plan read: a customer someone
 * changed in between is not overwritten, and its row comes back as rejected. Rows that change nothing are counted
 * as updated without a write. Returns the row numbers that lost such a race.
 */
export async function updateImportedCustomers(context: CommandContext, importId: number, updates: readonly Update[]): Promise<number[]> {
  const changed = updates.map((update) => ({ update, ...changesOf(update) })).filter((entry) => Object.keys(entry.after).length > 0);
  if (changed.length === 0) return [];
  const rows = changed.map(({ update, after, phoneNormalized }) => {
    const { existing } = update;
    const keywords = after.keywords ?? existing.keywords;
    return {
      id: existing.id,
      version: existing.version,
      phone: after.phone === undefined ? existing.phone : after.phone,
      phone_normalized: phoneNormalized,
      keywords,
      keyword_keys: [...new Set(keywords.map(dedupeKeyOf))],
      do_not_call: after.doNotCall ?? existing.doNotCall,
      contract_ends_on: after.contractEndsOn === undefined ? existing.contractEndsOn : after.contractEndsOn,
      next_follow_up_at: after.nextFollowUpAt === undefined ? (existing.nextFollowUpAt?.toISOString() ?? null) : after.nextFollowUpAt,
      custom_fields: after.customFields ?? existing.customFields,
    };
  });
  const written = await boundQuery<{ id: string; version: number }>(
    context.em,
    `update customer c
     set phone = r.phone, phone_normalized = r.phone_normalized, keywords = r.keywords,
         keyword_keys = r.keyword_keys,
         do_not_call = r.do_not_call, contract_ends_on = r.contract_ends_on, next_follow_up_at = r.next_follow_up_at,
         custom_fields = r.custom_fields, updated_at = $2, version = c.version + 1
     from jsonb_to_recordset($1::jsonb)
       as r(id bigint, version int, phone text, phone_normalized text, keywords text[], keyword_keys text[], do_not_call boolean, contract_ends_on date,
            next_follow_up_at timestamptz, custom_fields jsonb)
     where c.id = r.id and c.version = r.version and c.deleted_at is null
     returning c.id, c.version`,
    [JSON.stringify(rows), context.now],
  );
  const done = new Map(written.map((row) => [Number(row.id), row.version]));
  for (const { update, before, after } of changed) {
    if (!done.has(update.existing.id)) continue;
    context.audit({
      entity: 'customer',
      recordId: update.existing.id,
      customerId: update.existing.id,
      action: 'update',
      before: { ...before, version: update.existing.version },
      after: { ...after, version: done.get(update.existing.id) },
      why: { kind: 'reason', code: 'import', source: `import:${importId}`, fields: Object.keys(after) },
    });
  }
  return changed.filter(({ update }) => !done.has(update.existing.id)).map(({ update }) => update.candidate.rowNumber);
}
