import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSystemClock } from '../../adapters/clock/system-clock.ts';
import { createJobQueue } from '../../adapters/job-queue/create-job-queue.ts';
import { processDefinitionMigrations } from '../../api/definitions/definition-migration-jobs.ts';
import { runDefinitionMigrations } from '../../api/definitions/definition-migration.ts';
import { createLogger } from '../../api/observability/logger.ts';
import { api } from '../support/records-fixtures.ts';
import {
  aCustomerIn,
  lifecycle,
  publishedLifecycle,
  startDefinitionsStage,
  withNurture,
  withoutNurture,
  withoutPotential,
  type DefinitionsStage,
} from './definition-fixtures.ts';

let stage: DefinitionsStage;

beforeAll(async () => {
  stage = await startDefinitionsStage('definitions_publish');
});
afterAll(async () => {
  await stage?.app.close();
});

const migrate = () => runDefinitionMigrations(stage.app.orm, { batchSize: 2 });

async function versionsOf(key: string): Promise<number[]> {
  const { rows } = await stage.app.schema.pool.query('select version from definition_version where kind = $1 and key = $2 order by version', ['machine', key]);
  return rows.map((row) => row.version);
}

/** Everything about the customers except what a migration may change. */
async function customersApartFromTheirMachine() {
  const { rows } = await stage.app.schema.pool.query(
    `select to_jsonb(c) - 'stage' - 'machine_snapshot' - 'definition_version' - 'version' - 'updated_at' as rest from customer c order by id`,
  );
  return rows;
}

async function customerMachines() {
  const { rows } = await stage.app.schema.pool.query(
    'select id::int as id, stage, definition_version as "definitionVersion", version, machine_snapshot as snapshot from customer order by id',
  );
  return rows as Array<{ id: number; stage: string; definitionVersion: number; version: number; snapshot: { value: string; version: number } }>;
}

describe('publishing a machine that removes a stage', () => {
  let nurtured: number[];
  let others: number[];

  it('is refused while other published definitions name the stage', async () => {
    const document = withoutPotential(await publishedLifecycle(stage));
    const answer = await api(stage.app, 'POST', `${lifecycle}/publish`, { cookie: stage.admin, body: { document, stateMap: { potential: 'target' } } });
    expect(answer.status).toBe(400);
    const messages = answer.body.errors.filter((e: { path: string }) => e.path === '/document').map((e: { message: string }) => e.message);
    expect(messages.some((m: string) => m.includes('recycle-potential-no-contact'))).toBe(true);
    expect(messages.some((m: string) => m.includes('daily-work-line'))).toBe(true);
    expect(await versionsOf('customer-lifecycle')).toEqual([1]);
  });

  it('is refused while records sit in the removed stage and the state map does not place them', async () => {
    expect((await api(stage.app, 'POST', `${lifecycle}/publish`, { cookie: stage.admin, body: { document: withNurture(await publishedLifecycle(stage)) } })).body).toEqual({
      version: 2,
      migration: null,
    });
    nurtured = [await aCustomerIn(stage, 'nurture', 1), await aCustomerIn(stage, 'nurture', 2), await aCustomerIn(stage, 'nurture', 3)];
    others = [await aCustomerIn(stage, 'target', 4), await aCustomerIn(stage, 'reserve', 5)];
    const document = withoutNurture(await publishedLifecycle(stage));

    const unmapped = await api(stage.app, 'POST', `${lifecycle}/publish`, { cookie: stage.admin, body: { document } });
    expect(unmapped.status).toBe(400);
    expect(unmapped.body.errors).toEqual([{ path: '/stateMap/nurture', message: expect.stringContaining('nurture') }]);
    const nowhere = await api(stage.app, 'POST', `${lifecycle}/publish`, { cookie: stage.admin, body: { document, stateMap: { nurture: 'limbo' } } });
    expect(nowhere.body.errors.map((e: { path: string }) => e.path)).toEqual(['/stateMap/nurture']);
    const invalid = await api(stage.app, 'POST', `${lifecycle}/publish`, {
      cookie: stage.admin,
      body: { document: { ...document, initial: 'limbo' }, stateMap: { nurture: 'target' } },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: { path: string }) => e.path)).toContain('/document/initial');
    expect(await versionsOf('customer-lifecycle')).toEqual([1, 2]);
  });

  it('publishes the next version with a state map and migrates every live customer onto it', async () => {
    const before = await customersApartFromTheirMachine();
    const document = withoutNurture(await publishedLifecycle(stage));
    const published = await api(stage.app, 'POST', `${lifecycle}/publish`, {
      cookie: stage.admin,
      body: { document, stateMap: { nurture: 'target' }, note: 'fold nurture into target' },
    });
    expect(published.status).toBe(201);
    expect(published.body).toEqual({ version: 3, migration: { id: expect.any(Number), total: 5 } });
    const versions = await api(stage.app, 'GET', `${lifecycle}/versions`, { cookie: stage.admin });
    expect(versions.body.items[0]).toMatchObject({ version: 3, note: 'fold nurture into target', publishedBy: expect.any(Number), source: 'api' });
    expect((await api(stage.app, 'GET', `${lifecycle}/versions/3`, { cookie: stage.admin })).body.document.version).toBe(3);

    // Records on the old version keep working until the job moves them.
    const actions = await api(stage.app, 'GET', `/api/customers/${nurtured[0]}/actions`, { cookie: stage.rep });
    expect(actions.status).toBe(200);
    expect(actions.body.map((a: { event: string }) => a.event)).toContain('UPGRADE');
    const queued = await api(stage.app, 'GET', `/api/definitions/migrations/${published.body.migration.id}`, { cookie: stage.admin });
    expect(queued.body).toEqual({
      id: published.body.migration.id,
      kind: 'machine',
      key: 'customer-lifecycle',
      fromVersions: [2],
      toVersion: 3,
      state: 'queued',
      total: 5,
      done: 0,
      stateMap: { nurture: 'target' },
    });

    await migrate();
    const done = await api(stage.app, 'GET', `/api/definitions/migrations/${published.body.migration.id}`, { cookie: stage.admin });
    expect(done.body).toEqual({ ...queued.body, state: 'done', done: 5 });

    const machines = await customerMachines();
    for (const row of machines) {
      expect(row.definitionVersion).toBe(3);
      expect(row.snapshot.version).toBe(3);
      expect(row.snapshot.value).toBe(row.stage);
      expect(row.version).toBe(2);
    }
    expect(machines.filter((row) => nurtured.includes(row.id)).map((row) => row.stage)).toEqual(['target', 'target', 'target']);
    expect(machines.filter((row) => others.includes(row.id)).map((row) => row.stage)).toEqual(['target', 'reserve']);
    expect(await customersApartFromTheirMachine()).toEqual(before);

    const { rows: audits } = await stage.app.schema.pool.query(
      "select record_id::int as id, before, after, why, actor_id::int as actor from audit_entry where action = 'migrate' order by record_id",
    );
    expect(audits.map((a) => a.id)).toEqual([...nurtured, ...others].sort((a, b) => a - b));
    const moved = audits.find((a) => a.id === nurtured[0]);
    expect(moved.before).toMatchObject({ stage: 'nurture', definition: { key: 'customer-lifecycle', version: 2 } });
    expect(moved.after).toMatchObject({ stage: 'target', definition: { key: 'customer-lifecycle', version: 3 } });
    expect(moved.why).toEqual({ kind: 'reason', code: 'definitionMigrated', source: `migration:${published.body.migration.id}` });
    expect(moved.actor).toEqual(versions.body.items[0].publishedBy);
  });

  it('moves records in unchanged stages onto a republished version too', async () => {
    const again = await api(stage.app, 'POST', `${lifecycle}/publish`, { cookie: stage.admin, body: { document: await publishedLifecycle(stage) } });
    expect(again.status).toBe(201);
    expect(again.body.migration).toEqual({ id: expect.any(Number), total: 5 });
    await migrate();
    expect((await customerMachines()).every((row) => row.definitionVersion === 4)).toBe(true);
  });
});

describe('after publishing', () => {
  it('offers the new version’s action on the next request, without a restart', async () => {
    const customer = await aCustomerIn(stage, 'target', 20);
    const before = await api(stage.app, 'GET', `/api/customers/${customer}/actions`, { cookie: stage.rep });
    expect(before.body.map((a: { event: string }) => a.event)).not.toContain('NURTURE');

    const published = await api(stage.app, 'POST', `${lifecycle}/publish`, { cookie: stage.admin, body: { document: withNurture(await publishedLifecycle(stage)) } });
    expect(published.status).toBe(201);
    const fresh = await api(stage.app, 'POST', '/api/customers', { cookie: stage.rep, body: { name: '新版本客户', phone: '13600000021', stage: 'target' } });
    expect(fresh.body.definition).toEqual({ key: 'customer-lifecycle', version: published.body.version });
    const freshActions = await api(stage.app, 'GET', `/api/customers/${fresh.body.id}/actions`, { cookie: stage.rep });
    expect(freshActions.body.map((a: { event: string }) => a.event)).toContain('NURTURE');

    await migrate();
    const after = await api(stage.app, 'GET', `/api/customers/${customer}/actions`, { cookie: stage.rep });
    expect(after.body.map((a: { event: string }) => a.event)).toContain('NURTURE');
    const fired = await api(stage.app, 'POST', `/api/customers/${customer}/events`, { cookie: stage.rep, body: { type: 'NURTURE' } });
    expect(fired.status).toBe(200);
    expect(fired.body.to).toBe('nurture');
  });
});

describe('migrating another entity', () => {
  it('moves an opportunity of a removed stage and lets its probability follow the new stage', async () => {
    const customer = await aCustomerIn(stage, 'target', 40);
    const created = await api(stage.app, 'POST', `/api/customers/${customer}/opportunities`, { cookie: stage.rep, body: { name: '迁移商机' } });
    expect(created.body).toMatchObject({ stage: 'qualification', probability: 10 });
    const path = '/api/definitions/machine/opportunity-funnel';
    const funnel = (await api(stage.app, 'GET', path, { cookie: stage.admin })).body.latest.document;
    delete funnel.states.qualification;
    funnel.initial = 'proposal';
    delete funnel.states.proposal.on.GO_BACK;
    const published = await api(stage.app, 'POST', `${path}/publish`, { cookie: stage.admin, body: { document: funnel, stateMap: { qualification: 'proposal' } } });
    expect(published.status).toBe(201);
    expect(published.body.migration.total).toBe(1);
    await migrate();
    const moved = await api(stage.app, 'GET', `/api/opportunities/${created.body.id}`, { cookie: stage.rep });
    expect(moved.body).toMatchObject({ stage: 'proposal', probability: 40 });
    const { rows } = await stage.app.schema.pool.query(
      "select entity, record_id::int as id, customer_id::int as customer from audit_entry where action = 'migrate' and why->>'source' = $1",
      [`migration:${published.body.migration.id}`],
    );
    expect(rows).toEqual([{ entity: 'opportunity', id: created.body.id, customer }]);
  });
});

describe('publishing a queue policy', () => {
  it('changes the rep’s work line on the next request', async () => {
    const path = '/api/definitions/queuePolicy/daily-work-line';
    const sectionsOf = async () => (await api(stage.app, 'GET', '/api/me/queue', { cookie: stage.rep })).body.sections.map((s: { id: string }) => s.id);
    expect(await sectionsOf()).toContain('reserveToScreen');
    const policy = (await api(stage.app, 'GET', path, { cookie: stage.admin })).body.latest.document;
    policy.sections = policy.sections.filter((section: { id: string }) => section.id !== 'reserveToScreen');
    expect((await api(stage.app, 'POST', `${path}/publish`, { cookie: stage.admin, body: { document: policy } })).status).toBe(201);
    expect(await sectionsOf()).not.toContain('reserveToScreen');
  });
});

describe('concurrent publishes', () => {
  it('give consecutive versions, never a duplicate', async () => {
    const document = await publishedLifecycle(stage);
    const before = await versionsOf('customer-lifecycle');
    const answers = await Promise.all(
      [1, 2, 3].map(() => api(stage.app, 'POST', `${lifecycle}/publish`, { cookie: stage.admin, body: { document } })),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    const last = before.at(-1)!;
    expect(answers.map((a) => a.body.version).sort()).toEqual([last + 1, last + 2, last + 3]);
    expect(await versionsOf('customer-lifecycle')).toEqual([...before, last + 1, last + 2, last + 3]);
  });

  it('publish one draft once: the other gets a 409 and the draft is gone', async () => {
    const document = await publishedLifecycle(stage);
    await api(stage.app, 'PUT', `${lifecycle}/draft`, { cookie: stage.admin, body: { document } });
    const before = await versionsOf('customer-lifecycle');
    const answers = await Promise.all([1, 2].map(() => api(stage.app, 'POST', `${lifecycle}/publish`, { cookie: stage.admin, body: {} })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(await versionsOf('customer-lifecycle')).toEqual([...before, before.at(-1)! + 1]);
    expect((await api(stage.app, 'GET', lifecycle, { cookie: stage.admin })).body.draft).toBeNull();
  });

  it('keeps a draft that differs from what was published', async () => {
    const published = await publishedLifecycle(stage);
    const draft = { ...published, description: { en: 'Work in progress', 'zh-CN': '编辑中' } };
    await api(stage.app, 'PUT', `${lifecycle}/draft`, { cookie: stage.admin, body: { document: draft } });
    expect((await api(stage.app, 'POST', `${lifecycle}/publish`, { cookie: stage.admin, body: { document: published } })).status).toBe(201);
    expect((await api(stage.app, 'GET', lifecycle, { cookie: stage.admin })).body.draft.document).toEqual(draft);
    await api(stage.app, 'DELETE', `${lifecycle}/draft`, { cookie: stage.admin });
  });
});

describe('the migration job', () => {
  it('moves each record once when two workers share a migration', async () => {
    const published = await api(stage.app, 'POST', `${lifecycle}/publish`, { cookie: stage.admin, body: { document: await publishedLifecycle(stage) } });
    const { id, total } = published.body.migration;
    await Promise.all([migrate(), migrate(), migrate()]);
    const { rows } = await stage.app.schema.pool.query(
      "select record_id, count(*)::int as times from audit_entry where action = 'migrate' and why->>'source' = $1 group by record_id",
      [`migration:${id}`],
    );
    expect(rows.length).toBe(total);
    expect(rows.every((row) => row.times === 1)).toBe(true);
    expect((await api(stage.app, 'GET', `/api/definitions/migrations/${id}`, { cookie: stage.admin })).body).toMatchObject({ state: 'done', done: total });
  });

  it('runs in the background runtime’s job queue after a publish', async () => {
    const jobQueue = await createJobQueue({ clock: createSystemClock() });
    try {
      await processDefinitionMigrations({ orm: stage.app.orm, jobQueue, logger: createLogger('error', () => {}), pollEveryMs: 20 });
      const published = await api(stage.app, 'POST', `${lifecycle}/publish`, { cookie: stage.admin, body: { document: await publishedLifecycle(stage) } });
      const path = `/api/definitions/migrations/${published.body.migration.id}`;
      let migration = (await api(stage.app, 'GET', path, { cookie: stage.admin })).body;
      while (migration.state === 'queued' || migration.state === 'running') {
        await new Promise((resolve) => setTimeout(resolve, 20));
        migration = (await api(stage.app, 'GET', path, { cookie: stage.admin })).body;
      }
      expect(migration).toMatchObject({ state: 'done', done: published.body.migration.total });
      expect((await customerMachines()).every((row) => row.definitionVersion === published.body.version)).toBe(true);
    } finally {
      await jobQueue.close();
    }
  });
});
