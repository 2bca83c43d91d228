import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { EntityName } from '../../definitions/entity.schema.ts';
import type { MachineDefinition } from '../../definitions/machine.schema.ts';
import { stateMapProblems, type StateMap } from '../../engine/migration/plan-migration.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { runCommand } from '../commands/run-command.ts';
import { forgetLatestVersions } from '../customers/published-definitions.ts';
import { boundExecute, boundQuery } from '../database/bound-query.ts';
import { HttpProblem, validationFailed } from '../http/http-problem.ts';
import { forgetRoutingPolicies } from '../leads/routing-policy-store.ts';
import { forgetLatestQueuePolicy } from '../work-queue/queue-definitions.ts';
import { findDraft } from './definition-drafts.ts';
import type { DesignerKind } from './definition-kinds.ts';
import { machineRecordAdapter, stageColumnOf } from './machine-record-adapters.ts';
import { assertValidDefinition } from './validate-definition.ts';

export interface PublishRequest {
  /** Absent: the saved draft. */
  document?: unknown;
  note?: string;
  stateMap?: StateMap;
}

export interface Published {
  version: number;
  document: unknown;
  migration: { id: number; total: number } | null;
}

/**
 * Publishes the next immutable version of a definition: the given document or the draft, checked as the designer
 * checks it; for a machine, every stage that records on older versions sit in and the new version lacks must be in
 * the state map (400 naming `/stateMap/<stage>`), and when records run on older versions a migration is queued for
 * the background job. Publishes of one definition take turns on an advisory lock, so concurrent ones get versions
 * n+1 and n+2; the draft is dropped only when it is what was published (a newer edit saved meanwhile is kept). The
 * in-process caches of latest versions are cleared, so the next request uses the new version without a restart.
 * Problems in the document are reported under `documentPath` (the publish body's `/document` by default).
 */
export async function publishDefinition(
  orm: MikroORM,
  origin: CommandOrigin,
  target: { kind: DesignerKind; key: string },
  request: PublishRequest,
  options: { documentPath?: string } = {},
): Promise<Published> {
  const documentPath = options.documentPath ?? '/document';
  const { kind, key } = target;
  try {
    return await runCommand(orm, origin, async (context) => {
      const { em } = context;
      await boundExecute(em, 'select pg_advisory_xact_lock(hashtext($1))', [`definition:${kind}:${key}`]);
      const draft = request.document === undefined ? await findDraft(em, kind, key) : undefined;
      const document = structuredClone(request.document ?? draft?.document);
      if (document === undefined) throw noDraftToPublish();
      await assertValidDefinition(em, kind, key, document, { documentPath });

      const [{ version } = { version: 1 }] = await boundQuery<{ version: number }>(
        em,
        'select coalesce(max(version), 0) + 1 as version from definition_version where kind = $1 and key = $2',
        [kind, key],
      );
      // A machine names its own version: records' snapshots carry it, and the engine checks they match.
      if (kind === 'machine') (document as MachineDefinition).version = version;
      const migration = kind === 'machine' ? await plannedMigration(em, key, document as MachineDefinition, request.stateMap ?? {}) : undefined;

      // The clock as the lock is held, not the transaction's start: the machine published last must sort last.
      const [row] = await boundQuery<{ id: string }>(
        em,
        `insert into definition_version (kind, key, version, document, source, published_by, note, published_at)
         values ($1, $2, $3, $4::jsonb, 'api', $5, $6, clock_timestamp()) returning id`,
        [kind, key, version, JSON.stringify(document), origin.actorId, request.note ?? null],
      );
      await boundExecute(em, 'delete from definition_draft where kind = $1 and key = $2 and document = $3::jsonb', [
        kind,
        key,
        JSON.stringify(request.document ?? draft?.document),
      ]);
      let queued: Published['migration'] = null;
      if (migration !== undefined && migration.total > 0) {
        const [inserted] = await boundQuery<{ id: number }>(
          em,
          `insert into definition_migration (kind, key, entity, from_versions, to_version, state_map, total, created_by)
           values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8) returning id::int as id`,
          [kind, key, migration.entity, migration.fromVersions, version, JSON.stringify(request.stateMap ?? {}), migration.total, origin.actorId],
        );
        queued = { id: inserted!.id, total: migration.total };
      }
      context.audit({
        entity: kind,
        recordId: Number(row!.id),
        customerId: null,
        action: 'publish',
        before: null,
        after: { key, version, note: request.note ?? null, migration: queued },
        why: { kind: 'reason', code: 'publish' },
      });
      return { version, document, migration: queued };
    });
  } finally {
    // Also after a rollback: the transaction may have read (and cached) the versions it was about to replace.
    forgetLatestVersions(orm.em);
    forgetRoutingPolicies(orm.em);
    forgetLatestQueuePolicy(orm.em);
  }
}

/**
 * The live records of the machine still on older versions: how many, on which versions, and the 400 when they sit
 * in stages the new version lacks and the state map does not place.
 */
async function plannedMigration(em: EntityManager, key: string, machine: MachineDefinition, stateMap: StateMap) {
  const entity = machine.entity as EntityName;
  const adapter = machineRecordAdapter(entity);
  if (adapter === undefined) return undefined;
  const occupied = await boundQuery<{ stage: string; count: number; versions: number[] }>(
    em,
    `select ${stageColumnOf(adapter)} as stage, count(*)::int as count, array_agg(distinct definition_version) as versions
     from ${adapter.table} where definition_key = $1 and definition_version < $2 and deleted_at is null group by 1`,
    [key, machine.version],
  );
  const problems = stateMapProblems(
    occupied.map((row) => row.stage),
    stateMap,
    new Set(Object.keys(machine.states)),
  );
  if (problems.length > 0) throw validationFailed(problems);
  return {
    entity,
    total: occupied.reduce((sum, row) => sum + row.count, 0),
    fromVersions: [...new Set(occupied.flatMap((row) => row.versions))].sort((a, b) => a - b),
  };
}

// Nothing in the body and no draft: most likely someone published (and so dropped) the draft a moment ago.
function noDraftToPublish(): HttpProblem {
  return new HttpProblem(
    409,
    'conflict',
    { en: 'Nothing to publish', 'zh-CN': '没有可发布的内容' },
    {
      en: 'There is no draft to publish (someone may just have published it): reload, or send the document.',
      'zh-CN': '没有可发布的草稿（可能刚被他人发布）：请刷新，或在请求中提供定义文档。',
    },
  );
}
