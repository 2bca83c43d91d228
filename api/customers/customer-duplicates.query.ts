import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import { customerAccessOf, shownNameFor } from './customer-access.ts';
import { dedupeKeysOf, findDuplicates } from './customer-dedupe.ts';
import { phoneValue } from './customer-values.ts';
import { customerScopeOf } from './customer-visibility.ts';
import { publishedFields } from './published-definitions.ts';

export interface DuplicateQuery {
  name?: string;
  phone?: string;
  keywords?: string;
}

export interface DuplicateFound {
  name: boolean;
  phone: boolean;
  keywords: string[];
  /** The existing customer, only when the caller may see it (its name as their role may see it). */
  customer: { id: number; name?: string } | null;
}

/**
 * The live customers a new one with this name, phone or keywords (comma separated) would duplicate — the check a
 * form runs while someone types, by the very keys and normalisation creating one enforces. A phone that is not a
 * number yet (half typed) is not looked for. Customers the caller may not see are reported without naming them,
 * as creating would.
 */
export async function customerDuplicates(orm: MikroORM, caller: SignedIn, query: DuplicateQuery): Promise<{ matches: DuplicateFound[] }> {
  const em = orm.em.fork();
  const phone = phoneValue(query.phone, '/query/phone');
  const keys = dedupeKeysOf({
    name: query.name?.trim() ?? '',
    phoneNormalized: 'code' in phone ? null : phone.normalized,
    keywords: (query.keywords ?? '').split(/[,，、]/).map((keyword) => keyword.trim()).filter((keyword) => keyword !== ''),
  });
  if (keys.nameKey === '' && keys.phoneNormalized === null && keys.keywordKeys.length === 0) return { matches: [] };
  const found = await findDuplicates(em, keys, customerScopeOf(caller), null);
  const shownName = shownNameFor(customerAccessOf(caller.role, await publishedFields(em, 'customer')));
  return {
    matches: found.map((match) => {
      const name = shownName(match.name);
      return {
        name: match.nameMatches,
        phone: match.phone,
        keywords: match.keywords,
        customer: match.visible ? { id: match.id, ...(name === undefined ? {} : { name }) } : null,
      };
    }),
  };
}
