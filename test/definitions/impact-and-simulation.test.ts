import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, tableSnapshot } from '../support/records-fixtures.ts';
import { aCustomerIn, lifecycle, publishedLifecycle, startDefinitionsStage, withNurture, withoutPotential, type DefinitionsStage } from './definition-fixtures.ts';

let stage: DefinitionsStage;
let targets: number[];
let potential: number;

beforeAll(async () => {
  stage = await startDefinitionsStage('definitions_impact');
  targets = [await aCustomerIn(stage, 'target', 1), await aCustomerIn(stage, 'target', 2)];
  await aCustomerIn(stage, 'reserve', 3);
  potential = await aCustomerIn(stage, 'potential', 4);
});
afterAll(async () => {
  await stage?.app.close();
});

/** Every table a preview could write: records, audit, outbox, timers, and the definitions themselves. */
async function everything() {
  const { rows } = await stage.app.schema.pool.query(
    `select (select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from definition_version t) as versions,
            (select count(*)::int from definition_draft) as drafts, (select count(*)::int from definition_migration) as migrations`,
  );
  return { records: await tableSnapshot(stage.app), definitions: rows[0] };
}

async function publishedRule(key: string) {
  return (await api(stage.app, 'GET', `/api/definitions/rule/${key}`, { cookie: stage.admin })).body.latest.document;
}

describe('the impact of a machine change', () => {
  it('names the stages records sit in that the draft removes, with a sample, and writes nothing', async () => {
    const before = await everything();
    const document = withoutPotential(await publishedLifecycle(stage));
    delete document.states.target!.on!.DOWNGRADE;
    const impact = await api(stage.app, 'POST', `${lifecycle}/impact`, { cookie: stage.admin, body: { document } });
    expect(impact.status).toBe(200);
    expect(impact.body).toEqual({
      kind: 'machine',
      recordsOnOlderVersions: 4,
      affectedStates: [
        { state: 'potential', change: 'removed', count: 1, sample: [{ id: potential, name: '迁移客户4' }] },
        { state: 'target', change: 'changed', count: 2, sample: targets.map((id, index) => ({ id, name: `迁移客户${index + 1}` })) },
      ],
      suggestedStateMap: {},
    });
    expect(await everything()).toEqual(before);
  });

  it('refuses an invalid draft with the paths under /document', async () => {
    const document = await publishedLifecycle(stage);
    document.initial = 'nowhere';
    const impact = await api(stage.app, 'POST', `${lifecycle}/impact`, { cookie: stage.admin, body: { document } });
    expect(impact.status).toBe(400);
    expect(impact.body.errors.map((e: { path: string }) => e.path)).toContain('/document/initial');
  });
});

describe('the impact of a rule change', () => {
  it('counts the customers a recycle rule would take now, with the reason, and writes nothing', async () => {
    const before = await everything();
    const rule = await publishedRule('recycle-target-no-contact');
    rule.conditions = { all: [{ fact: 'stage', operator: 'equal', value: 'target' }, { fact: 'ownership', operator: 'equal', value: 'personal' }] };
    const impact = await api(stage.app, 'POST', '/api/definitions/rule/recycle-target-no-contact/impact', { cookie: stage.admin, body: { document: rule } });
    expect(impact.status).toBe(200);
    expect(impact.body.kind).toBe('rule');
    expect(impact.body.count).toBe(2);
    expect(impact.body.sample.map((s: { id: number }) => s.id)).toEqual(targets);
    expect(impact.body.sample[0].reason.en).toContain('target');
    expect(impact.body.sample[0].reason['zh-CN']).toContain('目标客户');
    expect(await everything()).toEqual(before);
  });

  it('uses the condition compiler for the other rule kinds', async () => {
    const rule = await publishedRule('schedule-callback-after-contact');
    const impact = await api(stage.app, 'POST', '/api/definitions/rule/schedule-callback-after-contact/impact', { cookie: stage.admin, body: { document: rule } });
    expect(impact.status).toBe(200);
    expect(impact.body.count).toBe(3);
    expect(impact.body.sample.map((s: { id: number }) => s.id)).toEqual([...targets, potential]);
    expect(impact.body.sample[0].reason.en).toMatch(/stage/i);
  });

  it('has no impact preview for a queue policy', async () => {
    const answer = await api(stage.app, 'POST', '/api/definitions/queuePolicy/daily-work-line/impact', { cookie: stage.admin, body: { document: {} } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { path: string }) => e.path)).toEqual(['/params/kind']);
  });
});

describe('simulation on a real record', () => {
  it('fires events step by step against the draft with the record’s facts, and writes nothing', async () => {
    const before = await everything();
    const document = withNurture(await publishedLifecycle(stage));
    const simulated = await api(stage.app, 'POST', `${lifecycle}/simulate`, {
      cookie: stage.admin,
      body: { document, recordId: targets[0], events: [{ type: 'NURTURE' }, { type: 'NURTURE' }, { type: 'UPGRADE' }] },
    });
    expect(simulated.status).toBe(200);
    const steps = simulated.body.steps;
    expect(steps.map((s: { event: string; accepted: boolean; from: string; to: string }) => [s.event, s.accepted, s.from, s.to])).toEqual([
      ['NURTURE', true, 'target', 'nurture'],
      ['NURTURE', false, 'nurture', 'nurture'],
      ['UPGRADE', true, 'nurture', 'target'],
    ]);
    expect(steps[1].refusal).toMatchObject({ code: 'eventNotAccepted', path: expect.any(String), message: { en: expect.any(String), 'zh-CN': expect.any(String) } });
    expect(steps[0].trace).toMatchObject({ event: 'NURTURE', from: 'target', to: 'nurture' });
    expect(steps[0].effects).toEqual([]);
    expect(await everything()).toEqual(before);
  });

  it('shows a guard’s refusal with what the record’s facts were', async () => {
    const document = await publishedLifecycle(stage);
    const simulated = await api(stage.app, 'POST', `${lifecycle}/simulate`, {
      cookie: stage.admin,
      body: { document, recordId: targets[0], events: [{ type: 'UPGRADE' }] },
    });
    expect(simulated.body.steps[0]).toMatchObject({ accepted: false, refusal: { code: 'flagsMismatch' } });
    expect(simulated.body.steps[0].trace.considered.length).toBeGreaterThan(0);
  });

  it('places a record whose stage the draft lacks where the state map says, or asks for it', async () => {
    const document = withoutPotential(await publishedLifecycle(stage));
    const unplaced = await api(stage.app, 'POST', `${lifecycle}/simulate`, { cookie: stage.admin, body: { document, recordId: potential, events: [{ type: 'DOWNGRADE' }] } });
    expect(unplaced.status).toBe(400);
    expect(unplaced.body.errors.map((e: { path: string }) => e.path)).toEqual(['/stateMap/potential']);
    const placed = await api(stage.app, 'POST', `${lifecycle}/simulate`, {
      cookie: stage.admin,
      body: { document, recordId: potential, events: [{ type: 'DOWNGRADE' }], stateMap: { potential: 'target' } },
    });
    expect(placed.body.steps[0]).toMatchObject({ event: 'DOWNGRADE', from: 'target', accepted: true, to: 'reserve' });
  });

  it('answers 404 for a record that does not exist and 400 naming the body’s bad paths', async () => {
    const document = await publishedLifecycle(stage);
    expect((await api(stage.app, 'POST', `${lifecycle}/simulate`, { cookie: stage.admin, body: { document, recordId: 999999, events: [{ type: 'UPGRADE' }] } })).status).toBe(404);
    const bad = await api(stage.app, 'POST', `${lifecycle}/simulate`, { cookie: stage.admin, body: { document, recordId: 'one', events: [] } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/events', '/recordId']);
  });
});
