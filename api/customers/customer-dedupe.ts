import type { EntityManager } from '@mikro-orm/postgresql';
import { BindParams, boundQuery } from '../database/bound-query.ts';
import { pointer, problem, type Problem } from '../../engine/validation/problem.ts';
import { HttpProblem } from '../http/http-problem.ts';
import type { CustomerScope } from './customer-visibility.ts';
import { customerScopeSql } from './customer-visibility.ts';

/** The keys two customers must not share while both are live: first entered wins. */
export interface DedupeKeys {
  nameKey: string;
  phoneNormalized: string | null;
  keywordKeys: string[];
}

/** Case, width and spaces do not make a different customer: "Shanghai  Hualian" = "shanghai hualian" = "ＳｈａｎｇｈａｉＨｕａｌｉａｎ". */
export function dedupeKeyOf(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

export function dedupeKeysOf(input: { name: string; phoneNormalized: string | null; keywords: readonly string[] }): DedupeKeys {
  return {
    nameKey: dedupeKeyOf(input.name),
    phoneNormalized: input.phoneNormalized,
    keywordKeys: [...new Set(input.keywords.map(dedupeKeyOf))],
  };
}

/** The advisory lock name of a normalised phone: customers and leads take it alike, so both wait for each other. */
export const phoneLockName = (phoneNormalized: string) => `customer:phone:${phoneNormalized}`;

/**
 * Serialises every command that could create the same duplicate: one transaction-scoped advisory lock per key, taken
 * in a fixed order (so two commands never wait on each other in a circle). The next statement then sees whatever a
 * competitor committed, which is what makes "exactly one of twenty parallel creates wins" hold.
 */
export async function lockDedupeKeys(em: EntityManager, keys: DedupeKeys): Promise<void> {
  const names = [
    `customer:name:${keys.nameKey}`,
    ...(keys.phoneNormalized === null ? [] : [phoneLockName(keys.phoneNormalized)]),
    ...keys.keywordKeys.map((key) => `customer:keyword:${key}`),
  ].sort();
  for (const name of names) await boundQuery(em, 'select pg_advisory_xact_lock(hashtext($1))', [name]);
}

export interface DuplicateMatch {
  id: number;
  name: string;
  visible: boolean;
  phone: boolean;
  nameMatches: boolean;
  keywords: string[];
}

/** Live customers (other than `exceptId`) sharing a key, oldest first, each marked with whether the caller sees it. */
export async function findDuplicates(
  em: EntityManager,
  keys: DedupeKeys,
  scope: CustomerScope,
  exceptId: number | null,
): Promise<DuplicateMatch[]> {
  const bind = new BindParams();
  const visible = customerScopeSql(scope, bind);
  const phone = bind.add(keys.phoneNormalized);
  const nameKey = bind.add(keys.nameKey);
  const keywords = bind.add(JSON.stringify(keys.keywordKeys));
  const exceptIdParam = bind.add(exceptId ?? 0);
  const rows = await boundQuery<{ id: number; name: string; visible: boolean; phone: boolean | null; name_matches: boolean; keywords: string[] }>(
    em,
    `select c.id::int as id, c.name, ${visible} as visible,
            c.phone_normalized = ${phone}::text as phone, c.name_key = ${nameKey}::text as name_matches,
            array(select unnest(c.keyword_keys) intersect select jsonb_array_elements_text(${keywords}::jsonb)) as keywords
     from customer c
     where c.deleted_at is null and c.id <> ${exceptIdParam}
       and (c.phone_normalized = ${phone}::text or c.name_key = ${nameKey}::text or c.keyword_keys && array(select jsonb_array_elements_text(${keywords}::jsonb)))
     order by c.id limit 5`,
    bind.values,
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    visible: row.visible,
    phone: row.phone === true,
    nameMatches: row.name_matches,
    keywords: row.keywords,
  }));
}

/** What the caller learns of the existing record: its id and (as their role may see it) its name, or nothing. */
interface ExistingRecord {
  id: number;
  name?: string;
}

class DuplicateProblem extends HttpProblem {
  readonly existing: ExistingRecord | undefined;

  constructor(detail: { en: string; 'zh-CN': string }, problems: Problem[], existing: ExistingRecord | undefined) {
    super(409, 'duplicate', { en: 'Duplicate customer', 'zh-CN': '客户重复' }, detail, problems);
    this.existing = existing;
  }

  override toDocument(...args: Parameters<HttpProblem['toDocument']>) {
    const document = super.toDocument(...args);
    return this.existing === undefined ? document : Object.assign(document, { existing: this.existing });
  }
}

/**
 * 409 for the first match: which fields collide (each at its request path) and — only when the caller may see the
 * existing customer — which customer it is. Otherwise it says a duplicate exists and where to ask, nothing more.
 */
export function duplicateCustomer(
  match: DuplicateMatch,
  keywordPaths: ReadonlyMap<string, number>,
  shownName: (name: string) => string | undefined,
): HttpProblem {
  const problems: Problem[] = [];
  if (match.nameMatches) problems.push(problem('/name', 'customer.duplicateName', 'Another customer has this name.', '已有同名客户。'));
  if (match.phone) problems.push(problem('/phone', 'customer.duplicatePhone', 'Another customer has this phone number.', '已有客户使用此电话号码。'));
  for (const keyword of match.keywords) {
    const index = keywordPaths.get(keyword);
    problems.push(
      problem(index === undefined ? '/keywords' : pointer('/keywords', index), 'customer.duplicateKeyword', `Another customer has the keyword "${keyword}".`, `已有客户使用关键字“${keyword}”。`),
    );
  }
  if (!match.visible) {
    return new DuplicateProblem(
      {
        en: 'This customer already exists, entered by someone else first; it is not one you can see. Ask your manager to share or assign it.',
        'zh-CN': '该客户已由他人先录入，您无权查看。请联系销售经理共享或分配给您。',
      },
      problems,
      undefined,
    );
  }
  const name = shownName(match.name);
  const label = name === undefined ? `#${match.id}` : `${name} (#${match.id})`;
  return new DuplicateProblem(
    {
      en: `This customer already exists: ${label}. The first one entered is kept; open it instead.`,
      'zh-CN': `该客户已存在：${label}。以先录入的为准，请直接打开该客户。`,
    },
    problems,
    name === undefined ? { id: match.id } : { id: match.id, name },
  );
}

/** When the unique indexes, not the check, caught the duplicate (a race the locks did not cover): say so, name nothing. */
export function duplicateCustomerUnnamed(): HttpProblem {
  return new DuplicateProblem(
    {
      en: 'A customer with the same name or phone number was entered at the same moment, and it came first. Search for it before entering again.',
      'zh-CN': '有同名或同电话的客户恰好同时录入且先保存。请先搜索该客户，再决定是否重新录入。',
    },
    [],
    undefined,
  );
}
