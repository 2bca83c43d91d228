import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import { BindParams, boundQuery } from '../database/bound-query.ts';
import type { CallScript, ListCallScriptsQuery } from './call-script-bodies.schema.ts';
import { noSuchCallScript } from './call-script-problems.ts';
import { callScriptColumns, callScriptOf, type CallScriptRow } from './call-script-row.ts';

/** Everyone reads the reference scripts; a personal one only its owner. */
const visibleSql = (bind: BindParams, caller: SignedIn) => `(kind = 'reference' or owner_id = ${bind.add(caller.user.id)}::bigint)`;

/** The scripts the caller reads: their own first, then the reference ones, each by title. */
export async function listCallScripts(orm: MikroORM, caller: SignedIn, query: ListCallScriptsQuery): Promise<{ items: CallScript[] }> {
  const bind = new BindParams();
  const conditions = [visibleSql(bind, caller)];
  if (query.stage !== undefined) conditions.push(`(cardinality(stages) = 0 or ${bind.add(query.stage)}::text = any(stages))`);
  if (query.kind !== undefined) conditions.push(`kind = ${bind.add(query.kind)}`);
  if (query.q !== undefined) {
    // The search text is a bound value matched literally: % and _ typed by the person are escaped, not wildcards.
    const pattern = bind.add(`%${query.q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`);
    conditions.push(`(title ilike ${pattern} or body ilike ${pattern} or exists (select 1 from unnest(tags) tag where tag ilike ${pattern}))`);
  }
  const rows = await boundQuery<CallScriptRow>(
    orm.em.fork(),
    `select ${callScriptColumns} from call_script where ${conditions.join(' and ')}
     order by kind = 'personal' desc, title collate "C", id limit 200`,
    bind.values,
  );
  return { items: rows.map((row) => callScriptOf(row, caller)) };
}

/** A script the caller may read, or 404 whether it does not exist or is someone else's. */
export async function visibleCallScriptRow(em: EntityManager, caller: SignedIn, id: number, lock = false): Promise<CallScriptRow> {
  const bind = new BindParams();
  const [row] = await boundQuery<CallScriptRow>(
    em,
    `select ${callScriptColumns} from call_script where id = ${bind.add(id)} and ${visibleSql(bind, caller)} ${lock ? 'for update' : ''}`,
    bind.values,
  );
  if (row === undefined) throw noSuchCallScript(id);
  return row;
}

export async function findCallScript(orm: MikroORM, caller: SignedIn, id: number): Promise<CallScript> {
  return callScriptOf(await visibleCallScriptRow(orm.em.fork(), caller, id), caller);
}
