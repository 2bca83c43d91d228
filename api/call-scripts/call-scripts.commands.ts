import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { recordChangedSinceLoaded } from '../commands/conflict-problems.ts';
import { runCommand } from '../commands/run-command.ts';
import { boundQuery } from '../database/bound-query.ts';
import type { CallScript, CreateCallScriptBody, UpdateCallScriptBody } from './call-script-bodies.schema.ts';
import { referenceScriptsKeptByManagers } from './call-script-problems.ts';
import { callScriptColumns, callScriptOf, keepsReferenceScripts, mayEditCallScript, type CallScriptRow } from './call-script-row.ts';
import { checkCallScriptStages } from './call-script-stages.ts';
import { visibleCallScriptRow } from './call-scripts.queries.ts';

const why = (code: string) => ({ kind: 'reason', code }) as const;

/** Someone else's personal script is already a 404 (not visible); a reference one they do not keep is a 403. */
function checkMayEdit(caller: SignedIn, row: CallScriptRow): void {
  if (!mayEditCallScript(caller, row)) throw referenceScriptsKeptByManagers();
}

export async function createCallScript(orm: MikroORM, origin: CommandOrigin, caller: SignedIn, body: CreateCallScriptBody): Promise<CallScript> {
  const kind = body.kind ?? 'personal';
  if (kind === 'reference' && !keepsReferenceScripts(caller)) throw referenceScriptsKeptByManagers();
  return runCommand(orm, origin, async (context) => {
    await checkCallScriptStages(context.em, body.stages);
    const [row] = await boundQuery<CallScriptRow>(
      context.em,
      `insert into call_script (kind, owner_id, title, body, stages, tags, created_by, created_at, updated_at)
       values ($1, $2, $3, $4, $5::text[], $6::text[], $7, $8, $8) returning ${callScriptColumns}`,
      [kind, kind === 'personal' ? caller.user.id : null, body.title, body.body, body.stages ?? [], body.tags ?? [], caller.user.id, context.now],
    );
    const script = callScriptOf(row!, caller);
    context.audit({ entity: 'callScript', recordId: script.id, customerId: null, action: 'create', before: null, after: script, why: why('callScript.create') });
    return script;
  });
}

export async function updateCallScript(
  orm: MikroORM,
  origin: CommandOrigin,
  caller: SignedIn,
  id: number,
  version: number | undefined,
  body: UpdateCallScriptBody,
): Promise<CallScript> {
  return runCommand(orm, origin, async (context) => {
    const current = await visibleCallScriptRow(context.em, caller, id, true);
    checkMayEdit(caller, current);
    if (version !== undefined && version !== current.version) throw recordChangedSinceLoaded(current.version);
    await checkCallScriptStages(context.em, body.stages);
    const [row] = await boundQuery<CallScriptRow>(
      context.em,
      `update call_script set title = $2, body = $3, stages = $4::text[], tags = $5::text[], updated_at = $6, version = version + 1
       where id = $1 returning ${callScriptColumns}`,
      [id, body.title ?? current.title, body.body ?? current.body, body.stages ?? current.stages, body.tags ?? current.tags, context.now],
    );
    const after = callScriptOf(row!, caller);
    context.audit({ entity: 'callScript', recordId: id, customerId: null, action: 'update', before: callScriptOf(current, caller), after, why: why('callScript.update') });
    return after;
  });
}

export async function deleteCallScript(orm: MikroORM, origin: CommandOrigin, caller: SignedIn, id: number): Promise<void> {
  await runCommand(orm, origin, async (context) => {
    const current = await visibleCallScriptRow(context.em, caller, id, true);
    checkMayEdit(caller, current);
    await boundQuery(context.em, 'delete from call_script where id = $1', [id]);
    context.audit({ entity: 'callScript', recordId: id, customerId: null, action: 'delete', before: callScriptOf(current, caller), after: null, why: why('callScript.delete') });
  });
}
