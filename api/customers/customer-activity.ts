import type { EntityManager } from '@mikro-orm/postgresql';
import { boundQuery } from '../database/bound-query.ts';

/** The counters a customer's activity moves: what contact records (and, later, deals) write. */
export interface CustomerActivity {
  lastContactAt?: Date | null;
  callCount?: number;
  nextFollowUpAt?: Date | null;
}

const columns = { lastContactAt: 'last_contact_at', callCount: 'call_count', nextFollowUpAt: 'next_follow_up_at' } as const;

/**
 * Writes activity counters without touching `version`: MikroORM bumps the version on any update of the entity, and a
 * logged call must not make someone's open edit form stale. Plain SQL with bound values, on the caller's transaction.
 */
export async function setCustomerActivity(em: EntityManager, customerId: number, activity: CustomerActivity): Promise<void> {
  const entries = Object.entries(activity).filter(([, value]) => value !== undefined) as Array<[keyof CustomerActivity, Date | number | null]>;
  if (entries.length === 0) return;
  const assignments = entries.map(([key], index) => `${columns[key]} = $${index + 1}${key === 'callCount' ? '::int' : '::timestamptz'}`);
  const values = entries.map(([, value]) => (value instanceof Date ? value.toISOString() : value));
  await boundQuery(em, `update customer set ${assignments.join(', ')} where id = $${values.length + 1}`, [...values, customerId]);
}
