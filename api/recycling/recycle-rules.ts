import type { EntityManager } from '@mikro-orm/postgresql';
import type { Rule } from '../../definitions/rule.schema.ts';
import { boundQuery } from '../database/bound-query.ts';

/** A recycle rule as published: its latest version's document and number. */
export interface PublishedRecycleRule {
  rule: Rule;
  version: number;
}

// Read every time rather than cached: a sweep runs at most a few times a day, and must see a rule published a moment ago.
const latestRulesSql = `
  select distinct on (key) key, version, document from definition_version
  where kind = 'rule' and ($1::text is null or key = $1::text)
  order by key, version desc`;

/** The latest published version of every recycle rule, enabled or not, by id. */
export async function publishedRecycleRules(em: EntityManager): Promise<PublishedRecycleRule[]> {
  const rows = await boundQuery<{ version: number; document: Rule }>(em, latestRulesSql, [null]);
  return rows.filter((row) => row.document.kind === 'recycle').map((row) => ({ rule: row.document, version: row.version }));
}

/** The latest published version of one recycle rule; undefined when no rule of that id is published or it is another kind. */
export async function publishedRecycleRule(em: EntityManager, ruleId: string): Promise<PublishedRecycleRule | undefined> {
  const [row] = await boundQuery<{ version: number; document: Rule }>(em, latestRulesSql, [ruleId]);
  return row === undefined || row.document.kind !== 'recycle' ? undefined : { rule: row.document, version: row.version };
}

/** The time zone a rule's days are counted in: its schedule's, else the installation's (STAGECRAFT_TIME_ZONE). */
export function ruleTimeZone(rule: Rule, defaultTimeZone: string): string {
  return rule.trigger.schedule?.timeZone ?? defaultTimeZone;
}
