import type { MikroORM } from '@mikro-orm/postgresql';
import { Router } from 'express';
import type { MachineDefinition } from '../../definitions/machine.schema.ts';
import type { Rule } from '../../definitions/rule.schema.ts';
import { problem } from '../../engine/validation/problem.ts';
import { requirePermission } from '../auth/require-permission.middleware.ts';
import { requireSession, signedInOf } from '../auth/require-session.middleware.ts';
import { expectedVersion, requestOrigin } from '../commands/request-origin.ts';
import { notFound, validationFailed } from '../http/http-problem.ts';
import { route } from '../http/route-operation.ts';
import { diffVersions } from './definition-diff.query.ts';
import { deleteDraft, replaceDraft, saveDraft } from './definition-drafts.ts';
import { machineImpact, ruleImpact } from './definition-impact.query.ts';
import { findMigration } from './definition-migration.ts';
import { definitionDetail, findVersion, listDefinitions, listVersions, noSuchDefinition } from './definition-versions.query.ts';
import {
  definitionImpactOperation,
  deleteDefinitionDraftOperation,
  diffDefinitionOperation,
  exportDefinitionOperation,
  getDefinitionMigrationOperation,
  getDefinitionOperation,
  getDefinitionVersionOperation,
  importDefinitionOperation,
  listDefinitionsOperation,
  listDefinitionVersionsOperation,
  publishDefinitionOperation,
  saveDefinitionDraftOperation,
  simulateDefinitionOperation,
  validateDefinitionOperation,
} from './definitions.operations.ts';
import { publishDefinition } from './publish-definition.command.ts';
import { simulateMachine } from './simulate-machine.query.ts';
import { assertValidDefinition, definitionProblems } from './validate-definition.ts';

function unsupportedKind(what: { en: string; 'zh-CN': string }, kinds: string) {
  return validationFailed([problem('/params/kind', 'definition.kindUnsupported', `Only for ${kinds}: ${what.en}.`, `仅适用于${kinds}：${what['zh-CN']}。`)]);
}

/**
 * The designer's API (docs/definitions.md, "Drafts, publish and migration"): for administrators only, like every
 * other way of changing how records move. The migrations route comes first: `/definitions/migrations/1` must not be
 * read as kind `migrations`.
 */
export function definitionsRouter(orm: MikroORM, settings: { timeZone: string }): Router {
  const router = Router();
  const guards = [requireSession(orm), requirePermission('mayManageDefinitions')];

  route(router, listDefinitionsOperation, ...guards, async (_input, _request, response) => {
    response.json({ items: await listDefinitions(orm.em.fork()) });
  });

  route(router, getDefinitionMigrationOperation, ...guards, async ({ params }, _request, response) => {
    const migration = await findMigration(orm, params.id);
    if (migration === undefined) throw notFound({ en: `There is no migration ${params.id}.`, 'zh-CN': `不存在迁移任务 ${params.id}。` });
    const { id, kind, key, fromVersions, toVersion, state, total, done, stateMap, error } = migration;
    response.json({ id, kind, key, fromVersions, toVersion, state, total, done, stateMap, ...(error === null ? {} : { error }) });
  });

  route(router, importDefinitionOperation, ...guards, async ({ body }, request, response) => {
    const em = orm.em.fork();
    await assertValidDefinition(em, body.kind, body.key, body.document);
    response.json(await replaceDraft(em, requestOrigin(request, response), body.kind, body.key, body.document));
  });

  route(router, getDefinitionOperation, ...guards, async ({ params }, _request, response) => {
    response.json(await definitionDetail(orm.em.fork(), params.kind, params.key));
  });

  route(router, listDefinitionVersionsOperation, ...guards, async ({ params }, _request, response) => {
    response.json({ items: await listVersions(orm.em.fork(), params.kind, params.key) });
  });

  route(router, getDefinitionVersionOperation, ...guards, async ({ params }, _request, response) => {
    const found = await findVersion(orm.em.fork(), params.kind, params.key, params.version);
    if (found === undefined) throw noSuchDefinition(params.kind, params.key, params.version);
    response.json({ kind: params.kind, key: params.key, version: found.version, document: found.document, publishedAt: found.publishedAt, note: found.note });
  });

  route(router, saveDefinitionDraftOperation, ...guards, async ({ params, body }, request, response) => {
    const saved = await saveDraft(
      orm,
      requestOrigin(request, response),
      params,
      { document: body.document, baseVersion: body.baseVersion ?? null },
      expectedVersion(request, undefined),
    );
    response.set('ETag', `"${saved.revision}"`).json(saved);
  });

  route(router, deleteDefinitionDraftOperation, ...guards, async ({ params }, _request, response) => {
    await deleteDraft(orm.em.fork(), params.kind, params.key);
    response.status(204).end();
  });

  route(router, validateDefinitionOperation, ...guards, async ({ params, body }, _request, response) => {
    response.json({ problems: await definitionProblems(orm.em.fork(), params.kind, params.key, body.document) });
  });

  route(router, diffDefinitionOperation, ...guards, async ({ params, query }, _request, response) => {
    const to = query.to === 'draft' ? 'draft' : Number(query.to);
    response.json(await diffVersions(orm.em.fork(), params.kind, params.key, query.from, to));
  });

  route(router, definitionImpactOperation, ...guards, async ({ params, body }, _request, response) => {
    if (params.kind !== 'machine' && params.kind !== 'rule') {
      throw unsupportedKind({ en: 'an impact preview', 'zh-CN': '影响预览' }, 'machine, rule');
    }
    const em = orm.em.fork();
    await assertValidDefinition(em, params.kind, params.key, body.document, { ignoreDependents: true });
    response.json(
      params.kind === 'machine'
        ? await machineImpact(em, params.key, body.document as unknown as MachineDefinition)
        : await ruleImpact(em, body.document as unknown as Rule, { defaultTimeZone: settings.timeZone }),
    );
  });

  route(router, simulateDefinitionOperation, ...guards, async ({ params, body }, _request, response) => {
    if (params.kind !== 'machine') throw unsupportedKind({ en: 'a simulation', 'zh-CN': '模拟' }, 'machine');
    const em = orm.em.fork();
    await assertValidDefinition(em, params.kind, params.key, body.document, { ignoreDependents: true });
    const draft = body.document as unknown as MachineDefinition;
    response.json(
      await simulateMachine(em, signedInOf(response), draft, { recordId: body.recordId, events: body.events, ...(body.stateMap ? { stateMap: body.stateMap } : {}) }),
    );
  });

  route(router, publishDefinitionOperation, ...guards, async ({ params, body }, request, response) => {
    const published = await publishDefinition(orm, requestOrigin(request, response), params, {
      ...(body.document === undefined ? {} : { document: body.document }),
      ...(body.note === undefined ? {} : { note: body.note }),
      ...(body.stateMap === undefined ? {} : { stateMap: body.stateMap }),
    });
    response.status(201).json({ version: published.version, migration: published.migration });
  });

  route(router, exportDefinitionOperation, ...guards, async ({ params, query }, _request, response) => {
    const found = await findVersion(orm.em.fork(), params.kind, params.key, query.version);
    if (found === undefined) throw noSuchDefinition(params.kind, params.key, query.version);
    response.attachment(`${params.kind}-${params.key}-v${found.version}.json`);
    response.json({ kind: params.kind, key: params.key, version: found.version, document: found.document });
  });

  return router;
}
