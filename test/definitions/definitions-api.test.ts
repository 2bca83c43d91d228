import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/records-fixtures.ts';
import { lifecycle, publishedLifecycle, startDefinitionsStage, withNurture, withoutPotential, type DefinitionsStage } from './definition-fixtures.ts';

let stage: DefinitionsStage;

beforeAll(async () => {
  stage = await startDefinitionsStage('definitions_api');
});
afterAll(async () => {
  await stage?.app.close();
});

const as = (cookie: string) => ({ cookie });

async function definitionRows() {
  const { rows } = await stage.app.schema.pool.query(
    "select (select count(*)::int from definition_version) as versions, (select count(*)::int from definition_draft) as drafts, (select md5(coalesce(string_agg(d::text, '|' order by d::text), '')) from definition_draft d) as draft_md5",
  );
  return rows[0];
}

describe('who may use the definitions API', () => {
  it('answers 401 without a session and 403 to a manager or a rep, changing nothing', async () => {
    const before = await definitionRows();
    expect((await api(stage.app, 'GET', '/api/definitions')).status).toBe(401);
    for (const cookie of [stage.manager, stage.rep]) {
      const calls = [
        await api(stage.app, 'GET', '/api/definitions', as(cookie)),
        await api(stage.app, 'GET', lifecycle, as(cookie)),
        await api(stage.app, 'PUT', `${lifecycle}/draft`, { cookie, body: { document: {} } }),
        await api(stage.app, 'POST', `${lifecycle}/publish`, { cookie, body: {} }),
        await api(stage.app, 'POST', `${lifecycle}/simulate`, { cookie, body: { document: {}, recordId: 1, events: [{ type: 'UPGRADE' }] } }),
        await api(stage.app, 'POST', '/api/definitions/import', { cookie, body: { kind: 'machine', key: 'customer-lifecycle', document: {} } }),
      ];
      for (const answer of calls) {
        expect(answer.status).toBe(403);
        expect(answer.body.type).toBe('https://stagecraft.dev/problems/forbidden');
      }
    }
    expect(await definitionRows()).toEqual(before);
  });
});

describe('reading definitions', () => {
  it('lists every definition the template published, with its title and no draft', async () => {
    const list = await api(stage.app, 'GET', '/api/definitions', as(stage.admin));
    expect(list.status).toBe(200);
    const machine = list.body.items.find((item: { kind: string; key: string }) => item.kind === 'machine' && item.key === 'customer-lifecycle');
    expect(machine).toEqual({
      kind: 'machine',
      key: 'customer-lifecycle',
      title: { en: 'Customer lifecycle', 'zh-CN': '客户阶段' },
      latestVersion: 1,
      publishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      draft: null,
    });
    expect(list.body.items.map((item: { kind: string }) => item.kind)).not.toContain('role');
    expect(list.body.items.some((item: { kind: string }) => item.kind === 'rule')).toBe(true);
  });

  it('gives a definition, its history and one version; an unknown one is 404', async () => {
    const detail = await api(stage.app, 'GET', lifecycle, as(stage.admin));
    expect(detail.body).toMatchObject({ kind: 'machine', key: 'customer-lifecycle', latest: { version: 1, publishedBy: null, note: null }, draft: null });
    const versions = await api(stage.app, 'GET', `${lifecycle}/versions`, as(stage.admin));
    expect(versions.body.items).toEqual([{ version: 1, publishedAt: expect.any(String), publishedBy: null, note: null, source: 'template:generic@0.1.0' }]);
    const one = await api(stage.app, 'GET', `${lifecycle}/versions/1`, as(stage.admin));
    expect(one.body).toMatchObject({ kind: 'machine', key: 'customer-lifecycle', version: 1, document: { id: 'customer-lifecycle' } });
    expect((await api(stage.app, 'GET', `${lifecycle}/versions/9`, as(stage.admin))).status).toBe(404);
    expect((await api(stage.app, 'GET', '/api/definitions/machine/no-such-machine', as(stage.admin))).status).toBe(404);
  });

  it('names the path of a bad kind, key or version', async () => {
    const badKind = await api(stage.app, 'GET', '/api/definitions/role/admin', as(stage.admin));
    expect(badKind.status).toBe(400);
    expect(badKind.body.errors.map((e: { path: string }) => e.path)).toEqual(['/params/kind']);
    const badVersion = await api(stage.app, 'GET', `${lifecycle}/versions/zero`, as(stage.admin));
    expect(badVersion.body.errors.map((e: { path: string }) => e.path)).toEqual(['/params/version']);
    const badKey = await api(stage.app, 'GET', '/api/definitions/machine/Bad_Key', as(stage.admin));
    expect(badKey.body.errors.map((e: { path: string }) => e.path)).toEqual(['/params/key']);
  });
});

describe('drafts', () => {
  it('saves a first draft without If-Match, then only with the revision it replaces', async () => {
    const document = withNurture(await publishedLifecycle(stage));
    const first = await api(stage.app, 'PUT', `${lifecycle}/draft`, { cookie: stage.admin, body: { document, baseVersion: 1 } });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ revision: 1, updatedAt: expect.any(String), problems: [] });
    expect(first.headers.get('etag')).toBe('"1"');

    const without = await api(stage.app, 'PUT', `${lifecycle}/draft`, { cookie: stage.admin, body: { document, baseVersion: 1 } });
    expect(without.status).toBe(428);
    const second = await api(stage.app, 'PUT', `${lifecycle}/draft`, { cookie: stage.admin, body: { document, baseVersion: 1 }, headers: { 'if-match': '"1"' } });
    expect(second.body.revision).toBe(2);
    const stale = await api(stage.app, 'PUT', `${lifecycle}/draft`, { cookie: stage.admin, body: { document: {}, baseVersion: 1 }, headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(409);
    expect(stale.body.type).toBe('https://stagecraft.dev/problems/stale-version');

    const detail = await api(stage.app, 'GET', lifecycle, as(stage.admin));
    expect(detail.body.draft).toEqual({ document, baseVersion: 1, revision: 2, updatedAt: expect.any(String), problems: [] });
    const listed = await api(stage.app, 'GET', '/api/definitions', as(stage.admin));
    const item = listed.body.items.find((i: { key: string }) => i.key === 'customer-lifecycle');
    expect(item.draft).toEqual({ revision: 2, updatedAt: expect.any(String), updatedBy: expect.any(Number) });

    expect((await api(stage.app, 'DELETE', `${lifecycle}/draft`, as(stage.admin))).status).toBe(204);
    expect((await api(stage.app, 'GET', lifecycle, as(stage.admin))).body.draft).toBeNull();
  });

  it('keeps an invalid draft and lists what publishing would refuse, with paths into the document', async () => {
    const document = withNurture(await publishedLifecycle(stage));
    (document.states.nurture!.on!.UPGRADE as { target: string }).target = 'nowhere';
    const saved = await api(stage.app, 'PUT', `${lifecycle}/draft`, { cookie: stage.admin, body: { document, baseVersion: 1 } });
    expect(saved.status).toBe(200);
    expect(saved.body.problems).toContainEqual({
      path: '/states/nurture/on/UPGRADE/target',
      code: 'machine.unknownTarget',
      message: { en: expect.stringContaining('nowhere'), 'zh-CN': expect.stringContaining('nowhere') },
    });
    expect((await api(stage.app, 'GET', lifecycle, as(stage.admin))).body.draft.problems).toEqual(saved.body.problems);
    await api(stage.app, 'DELETE', `${lifecycle}/draft`, as(stage.admin));
  });

  it('refuses a body without a document, naming /document, and saves nothing', async () => {
    const before = await definitionRows();
    const answer = await api(stage.app, 'PUT', `${lifecycle}/draft`, { cookie: stage.admin, body: { baseVersion: 1 } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { path: string }) => e.path)).toEqual(['/document']);
    const notJson = await api(stage.app, 'PUT', `${lifecycle}/draft`, { cookie: stage.admin, body: '{"document":' });
    expect(notJson.status).toBe(400);
    expect(await definitionRows()).toEqual(before);
  });
});

describe('checking a document', () => {
  it('runs the schema, the engine and the catalogues as publishing does', async () => {
    const good = await api(stage.app, 'POST', `${lifecycle}/validate`, { cookie: stage.admin, body: { document: await publishedLifecycle(stage) } });
    expect(good.body).toEqual({ problems: [] });
    const document = await publishedLifecycle(stage);
    document.states.target!.on!.UPGRADE = { ...(document.states.target!.on!.UPGRADE as object), guard: { fact: 'noSuchFact', operator: 'equal', value: 1 } } as never;
    (document as { id: string }).id = 'another-machine';
    const bad = await api(stage.app, 'POST', `${lifecycle}/validate`, { cookie: stage.admin, body: { document } });
    const paths = bad.body.problems.map((p: { path: string }) => p.path);
    expect(paths).toContain('/id');
    expect(paths.some((path: string) => path.startsWith('/states/target/on/UPGRADE/guard'))).toBe(true);
  });

  it('names the published definitions a change would break', async () => {
    const document = withoutPotential(await publishedLifecycle(stage));
    const answer = await api(stage.app, 'POST', `${lifecycle}/validate`, { cookie: stage.admin, body: { document } });
    const broken = answer.body.problems.filter((p: { code: string }) => p.code === 'definition.breaksDependent');
    expect(broken.length).toBeGreaterThan(0);
    expect(broken.every((p: { path: string }) => p.path === '')).toBe(true);
    expect(broken.map((p: { message: { en: string } }) => p.message.en).join(' ')).toContain('rule "recycle-potential-no-contact"');
    expect(answer.body.problems.filter((p: { code: string }) => p.code !== 'definition.breaksDependent')).toEqual([]);
  });

  it('checks a rule against the customer catalogue with the published stages', async () => {
    const rule = (await api(stage.app, 'GET', '/api/definitions/rule/recycle-potential-no-contact', as(stage.admin))).body.latest.document;
    expect((await api(stage.app, 'POST', '/api/definitions/rule/recycle-potential-no-contact/validate', { cookie: stage.admin, body: { document: rule } })).body.problems).toEqual([]);
    const broken = JSON.parse(JSON.stringify(rule).replaceAll('"potential"', '"nonesuch"'));
    const answer = await api(stage.app, 'POST', '/api/definitions/rule/recycle-potential-no-contact/validate', { cookie: stage.admin, body: { document: broken } });
    expect(answer.body.problems.length).toBeGreaterThan(0);
    expect(answer.body.problems[0].path).toMatch(/^\/conditions/);
  });
});

describe('export, import and diff', () => {
  it('exports a version as a JSON download', async () => {
    const exported = await api(stage.app, 'GET', `${lifecycle}/export`, as(stage.admin));
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toContain('machine-customer-lifecycle-v1.json');
    expect(exported.body).toMatchObject({ kind: 'machine', key: 'customer-lifecycle', version: 1, document: { id: 'customer-lifecycle' } });
    expect((await api(stage.app, 'GET', `${lifecycle}/export?version=7`, as(stage.admin))).status).toBe(404);
  });

  it('refuses an invalid import with every path under /document and saves no draft', async () => {
    const before = await definitionRows();
    const document = await publishedLifecycle(stage);
    document.initial = 'nowhere';
    delete (document as { label?: unknown }).label;
    const answer = await api(stage.app, 'POST', '/api/definitions/import', { cookie: stage.admin, body: { kind: 'machine', key: 'customer-lifecycle', document } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { path: string }) => e.path)).toContain('/document/label');
    expect(await definitionRows()).toEqual(before);
  });

  it('imports a valid document as the draft and diffs it against the published version', async () => {
    const document = withNurture(await publishedLifecycle(stage));
    const imported = await api(stage.app, 'POST', '/api/definitions/import', { cookie: stage.admin, body: { kind: 'machine', key: 'customer-lifecycle', document } });
    expect(imported.status).toBe(200);
    expect(imported.body.problems).toEqual([]);
    const diff = await api(stage.app, 'GET', `${lifecycle}/diff?from=1&to=draft`, as(stage.admin));
    expect(diff.status).toBe(200);
    expect(diff.body.changes.map((c: { kind: string }) => c.kind)).toContain('stateAdded');
    expect(diff.body.migration).toEqual({ disappearingStates: [], suggestedStateMap: {} });
    const same = await api(stage.app, 'GET', `${lifecycle}/diff?from=1&to=1`, as(stage.admin));
    expect(same.body.changes).toEqual([]);
    const bad = await api(stage.app, 'GET', `${lifecycle}/diff?from=1&to=latest`, as(stage.admin));
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['/query/to']);
    expect((await api(stage.app, 'GET', `${lifecycle}/diff?from=4&to=draft`, as(stage.admin))).status).toBe(404);
    await api(stage.app, 'DELETE', `${lifecycle}/draft`, as(stage.admin));
  });
});
