import type { EntityManager } from '@mikro-orm/postgresql';
import type { LocalizedText } from '../../engine/validation/problem.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import { BindParams, boundExecute, boundQuery } from '../database/bound-query.ts';
import { dedupeKeysOf, type DedupeKeys } from '../customers/customer-dedupe.ts';
import { holdsStagePermission, stageLabelOf } from '../customers/customer-stage.ts';
import { customFieldValues } from '../customers/customer-values.ts';
import { customerScopeOf, customerScopeSql } from '../customers/customer-visibility.ts';
import type { Ownership } from '../customers/customer.entity.ts';
import { recordDefinitions } from '../customers/published-definitions.ts';
import type { dedupeKeys, dedupePolicies } from './customer-import-bodies.schema.ts';
import { missingRequiredFieldIssues, type ImportCandidate, type RowIssue, type RowReading } from './import-row-values.ts';

export type DedupeKey = (typeof dedupeKeys)[number];
export type DedupePolicy = (typeof dedupePolicies)[number];

/** Everything a run keeps from batch to batch: who imports, how, and the keys the file has used so far. */
export interface ImportRun {
  importer: SignedIn;
  reading: RowReading;
  dedupeBy: ReadonlySet<DedupeKey>;
  policy: DedupePolicy;
  owner: { ownership: Ownership; ownerId: number | null; teamId: number | null };
  /** Key → the row that first used it. First entered wins within the file as against the database. */
  fileKeys: Map<string, number>;
  /** Existing customers this run updated → the row that did: a second row aiming at one of them is skipped. */
  updatedCustomers: Map<number, number>;
}

/** A live customer one of the batch's rows collides with, as the importer's lookup found it. */
export interface ExistingCustomer {
  id: number;
  version: number;
  visible: boolean;
  stage: string;
  ownership: Ownership;
  definitionKey: string;
  definitionVersion: number;
  phone: string | null;
  phoneNormalized: string | null;
  keywords: string[];
  doNotCall: boolean;
  contractEndsOn: string | null;
  nextFollowUpAt: Date | null;
  customFields: Record<string, unknown>;
}

export type RowDecision =
  | { kind: 'create'; candidate: ImportCandidate; keys: DedupeKeys }
  | { kind: 'update'; candidate: ImportCandidate; keys: DedupeKeys; existing: ExistingCustomer; customFields: Record<string, unknown> }
  | { kind: 'skip' | 'reject'; issues: RowIssue[] };

const text = (en: string, zh: string): LocalizedText => ({ en, 'zh-CN': zh });

function keyNames(keys: DedupeKeys): Array<{ key: DedupeKey; name: string }> {
  return [
    { key: 'name' as const, name: `name:${keys.nameKey}` },
    ...(keys.phoneNormalized === null ? [] : [{ key: 'phone' as const, name: `phone:${keys.phoneNormalized}` }]),
    ...keys.keywordKeys.map((keyword) => ({ key: 'keywords' as const, name: `keyword:${keyword}` })),
  ];
}

/** The header of the column a dedupe key came from, for the report. */
function columnOf(run: ImportRun, key: DedupeKey): string | null {
  return run.reading.columns.find((column) => column.target === key)?.header ?? null;
}

/**
 * Within the file, in row order: a row whose dedupe key an earlier row used is skipped (unless duplicates are to be
 * created anyway); one whose name or phone an earlier row used is rejected, since those are unique. The rest go on
 * to the database check, their keys now taken.
 */
function inFileDecision(run: ImportRun, candidate: ImportCandidate, keys: DedupeKeys): RowDecision | undefined {
  const names = keyNames(keys);
  if (run.policy !== 'createAnyway') {
    const earlier = names.find(({ key, name }) => run.dedupeBy.has(key) && run.fileKeys.has(name));
    if (earlier !== undefined) {
      const row = run.fileKeys.get(earlier.name)!;
      return {
        kind: 'skip',
        issues: [
          {
            rowNumber: candidate.rowNumber,
            outcome: 'skipped',
            column: columnOf(run, earlier.key),
            value: earlier.name.slice(earlier.name.indexOf(':') + 1),
            reason: text(`Duplicate of row ${row} of this file; the first entered wins.`, `与本文件第 ${row} 行重复，以先录入的为准。`),
          },
        ],
      };
    }
  }
  const clash = names.find(({ key, name }) => key !== 'keywords' && run.fileKeys.has(name));
  if (clash !== undefined) {
    const row = run.fileKeys.get(clash.name)!;
    const what = clash.key === 'name' ? text('name', '客户名称') : text('phone number', '电话号码');
    return {
      kind: 'reject',
      issues: [
        {
          rowNumber: candidate.rowNumber,
          outcome: 'rejected',
          column: columnOf(run, clash.key),
          value: clash.key === 'name' ? candidate.name : candidate.phone,
          reason: text(
            `Row ${row} of this file has the same ${what.en}, and no two customers may share one.`,
            `本文件第 ${row} 行的${what['zh-CN']}相同，两个客户不能共用。`,
          ),
        },
      ],
    };
  }
  for (const { name } of names) run.fileKeys.set(name, candidate.rowNumber);
  return undefined;
}

interface MatchRow {
  idx: number;
  id: string;
  version: number;
  visible: boolean;
  name_matches: boolean;
  phone_matches: boolean;
  keyword_matches: boolean;
  stage: string;
  ownership: Ownership;
  definition_key: string;
  definition_version: number;
  phone: string | null;
  phone_normalized: string | null;
  keywords: string[];
  do_not_call: boolean;
  contract_ends_on: string | null;
  next_follow_up_at: Date | string | null;
  custom_fields: Record<string, unknown>;
}

type Match = ExistingCustomer & { nameMatches: boolean; phoneMatches: boolean; keywordMatches: boolean };

/**
 * The live customers sharing a key with any row of the batch, in one statement: the rows travel as one bound JSON
 * array, and each is looked up through the unique name and phone indexes and the keyword GIN index.
 */
async function existingMatches(em: EntityManager, run: ImportRun, rows: ReadonlyArray<{ keys: DedupeKeys }>): Promise<Map<number, Match[]>> {
  const bind = new BindParams();
  const input = bind.add(
    JSON.stringify(rows.map((row, idx) => ({ idx, name_key: row.keys.nameKey, phone: row.keys.phoneNormalized, keyword_keys: row.keys.keywordKeys }))),
  );
  const visible = customerScopeSql(customerScopeOf(run.importer), bind);
  const byKeywords = bind.add(run.dedupeBy.has('keywords'));
  // Name and phone are unique among live customers: one match each at most. Keywords are shared freely, so only the
  // oldest customer with a common keyword counts, and only when keywords decide duplicates at all.
  const found = await boundQuery<MatchRow>(
    em,
    `select r.idx, c.id, c.version, ${visible} as visible,
            c.name_key = r.name_key as name_matches, coalesce(c.phone_normalized = r.phone, false) as phone_matches,
            c.keyword_keys && r.keyword_keys as keyword_matches,
            c.stage, c.ownership, c.definition_key, c.definition_version, c.phone, c.phone_normalized, c.keywords,
            c.do_not_call, c.contract_ends_on::text as contract_ends_on, c.next_follow_up_at, c.custom_fields
     from jsonb_to_recordset(${input}::jsonb) as r(idx int, name_key text, phone text, keyword_keys text[])
     cross join lateral (
       select n.id from customer n where n.deleted_at is null and n.name_key = r.name_key
       union
       select p.id from customer p where p.deleted_at is null and p.phone_normalized = r.phone
       union
       (select k.id from customer k where ${byKeywords}::boolean and k.deleted_at is null and k.keyword_keys && r.keyword_keys order by k.id limit 1)
     ) as m
     join customer c on c.id = m.id
     order by r.idx, c.id`,
    bind.values,
  );
  const matches = new Map<number, Match[]>();
  for (const row of found) {
    const list = matches.get(row.idx) ?? [];
    list.push({
      id: Number(row.id),
      version: row.version,
      visible: row.visible,
      nameMatches: row.name_matches,
      phoneMatches: row.phone_matches,
      keywordMatches: row.keyword_matches,
      stage: row.stage,
      ownership: row.ownership,
      definitionKey: row.definition_key,
      definitionVersion: row.definition_version,
      phone: row.phone,
      phoneNormalized: row.phone_normalized,
      keywords: row.keywords,
      doNotCall: row.do_not_call,
      contractEndsOn: row.contract_ends_on,
      nextFollowUpAt: row.next_follow_up_at === null ? null : new Date(row.next_follow_up_at),
      customFields: row.custom_fields,
    });
    matches.set(row.idx, list);
  }
  return matches;
}

/**
 * Serialises this batch against every single create and other imports touching the same keys: the same
 * transaction-scoped advisory locks insertCustomer takes, all in one statement, in one fixed order.
 */
async function lockKeys(em: EntityManager, rows: ReadonlyArray<{ keys: DedupeKeys }>): Promise<void> {
  const names = [
    ...new Set(
      rows.flatMap(({ keys }) => [
        `customer:name:${keys.nameKey}`,
        ...(keys.phoneNormalized === null ? [] : [`customer:phone:${keys.phoneNormalized}`]),
        ...keys.keywordKeys.map((key) => `customer:keyword:${key}`),
      ]),
    ),
  ].sort();
  await boundExecute(em, 'select pg_advisory_xact_lock(hashtext(k)) from unnest($1::text[]) as k order by k', [names]);
}

function issue(run: ImportRun, candidate: ImportCandidate, outcome: RowIssue['outcome'], key: DedupeKey | null, reason: LocalizedText): RowIssue {
  const value = key === 'name' ? candidate.name : key === 'phone' ? candidate.phone : key === 'keywords' ? candidate.keywords.join(', ') : null;
  return { rowNumber: candidate.rowNumber, outcome, column: key === null ? null : columnOf(run, key), value, reason };
}

function matchedKey(match: Match, keys?: ReadonlySet<DedupeKey>): DedupeKey | undefined {
  const wanted = (key: DedupeKey) => keys === undefined || keys.has(key);
  if (match.nameMatches && wanted('name')) return 'name';
  if (match.phoneMatches && wanted('phone')) return 'phone';
  if (match.keywordMatches && wanted('keywords')) return 'keywords';
  return undefined;
}

async function databaseDecision(em: EntityManager, run: ImportRun, candidate: ImportCandidate, keys: DedupeKeys, matches: readonly Match[]): Promise<RowDecision> {
  const existing = matches.find((match) => matchedKey(match, run.dedupeBy) !== undefined);
  if (existing !== undefined && run.policy !== 'createAnyway') {
    const key = matchedKey(existing, run.dedupeBy)!;
    const shown = existing.visible ? `#${existing.id}` : '';
    if (run.policy === 'skip') {
      const reason = existing.visible
        ? text(`Already entered as customer ${shown}; the first entered wins.`, `已录入为客户 ${shown}，以先录入的为准。`)
        : text('Already entered by someone else first (not a customer you can see).', '已由他人先录入（您无权查看该客户）。');
      return { kind: 'skip', issues: [issue(run, candidate, 'skipped', key, reason)] };
    }
    return updateDecision(em, run, candidate, keys, existing, key, matches);
  }
  const clash = matches.find((match) => match.nameMatches || match.phoneMatches);
  if (clash !== undefined) {
    const key = clash.nameMatches ? 'name' : 'phone';
    const whose = clash.visible ? text(`customer #${clash.id}`, `客户 #${clash.id}`) : text('a customer you cannot see', '一个您无权查看的客户');
    const what = key === 'name' ? text('name', '客户名称') : text('phone number', '电话号码');
    return {
      kind: 'reject',
      issues: [
        issue(run, candidate, 'rejected', key, text(`${whose.en} already has this ${what.en}, and no two customers may share one.`, `${whose['zh-CN']}已使用此${what['zh-CN']}，两个客户不能共用。`)),
      ],
    };
  }
  const missing = missingRequiredFieldIssues(run.reading, candidate);
  if (missing.length > 0) return { kind: 'reject', issues: missing };
  return { kind: 'create', candidate, keys };
}

async function updateDecision(
  em: EntityManager,
  run: ImportRun,
  candidate: ImportCandidate,
  keys: DedupeKeys,
  existing: Match,
  key: DedupeKey,
  matches: readonly Match[],
): Promise<RowDecision> {
  const reject = (reason: LocalizedText) => ({ kind: 'reject' as const, issues: [issue(run, candidate, 'rejected', key, reason)] });
  const earlierRow = run.updatedCustomers.get(existing.id);
  if (earlierRow !== undefined) {
    return {
      kind: 'skip',
      issues: [issue(run, candidate, 'skipped', key, text(`Row ${earlierRow} of this file already updated this customer.`, `本文件第 ${earlierRow} 行已更新该客户。`))],
    };
  }
  if (!existing.visible) return reject(text('Exists already, entered by someone else first; it is not a customer you can see, so it was not changed.', '该客户已由他人先录入，您无权查看，未作修改。'));
  const { role } = run.importer;
  if (existing.ownership === 'pool' && !role.permissions.mayEditShared) {
    return reject(text(`Customer #${existing.id} is in the shared pool, and your role may not edit shared customers.`, `客户 #${existing.id} 在公海中，您的角色不能编辑共享客户。`));
  }
  const definitions = await recordDefinitions(em, 'customer', { key: existing.definitionKey, version: existing.definitionVersion });
  if (!holdsStagePermission(definitions.machine.document, existing.stage, role.key, 'edit')) {
    const label = stageLabelOf(definitions.machine.document, existing.stage);
    return reject(text(`Customer #${existing.id} is a ${label.en}, which your role may not edit.`, `客户 #${existing.id} 处于“${label['zh-CN']}”阶段，您的角色不能编辑。`));
  }
  const phoneClash = candidate.phoneNormalized !== null && matches.find((match) => match.id !== existing.id && match.phoneMatches);
  if (phoneClash) {
    return {
      kind: 'reject',
      issues: [issue(run, candidate, 'rejected', 'phone', text('Another customer already has this phone number.', '已有其他客户使用此电话号码。'))],
    };
  }
  const custom = customFieldValues(candidate.customFields, definitions.fields, { path: '', requireAll: false, existing: existing.customFields });
  if (custom.problems.length > 0) return { kind: 'reject', issues: custom.problems.map((problem) => issue(run, candidate, 'rejected', null, problem.message)) };
  run.updatedCustomers.set(existing.id, candidate.rowNumber);
  return { kind: 'update', candidate, keys, existing, customFields: custom.values };
}

/**
 * Decides each row of a batch: create, update an existing customer, skip a duplicate, or reject. A real run first
 * locks the batch's keys, so what it decides still holds when it writes; a dry run only reads.
 */
export async function planImportBatch(em: EntityManager, run: ImportRun, candidates: readonly ImportCandidate[], lock: boolean): Promise<RowDecision[]> {
  const decisions: Array<RowDecision | undefined> = [];
  const pending: Array<{ at: number; candidate: ImportCandidate; keys: DedupeKeys }> = [];
  for (const candidate of candidates) {
    const keys = dedupeKeysOf(candidate);
    const decided = inFileDecision(run, candidate, keys);
    if (decided === undefined) pending.push({ at: decisions.length, candidate, keys });
    decisions.push(decided);
  }
  if (pending.length > 0) {
    if (lock) await lockKeys(em, pending);
    const matches = await existingMatches(em, run, pending);
    for (const [idx, row] of pending.entries()) {
      decisions[row.at] = await databaseDecision(em, run, row.candidate, row.keys, matches.get(idx) ?? []);
    }
  }
  return decisions as RowDecision[];
}
