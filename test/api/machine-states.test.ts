import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import customerLifecycle from '../../definitions/defaults/machines/customer-lifecycle.json' with { type: 'json' };
import leadQualification from '../../definitions/defaults/machines/lead-qualification.json' with { type: 'json' };
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let rep: string;

beforeAll(async () => {
  app = await startTestApp('machine_states');
  await installGenericTemplate(app);
  rep = await signIn(app, 'rep.li');
});
afterAll(async () => {
  await app?.close();
});

describe('GET /api/machines/:entity/states', () => {
  it('gives every state of the published lead machine with its label, tags and whether it ends the road', async () => {
    const answer = await api(app, 'GET', '/api/machines/lead/states', { cookie: rep });
    expect(answer.status).toBe(200);
    expect(answer.body.key).toBe('lead-qualification');
    expect(answer.body.states.map((state: { key: string }) => state.key).sort()).toEqual(Object.keys(leadQualification.states).sort());
    const converted = answer.body.states.find((state: { key: string }) => state.key === 'converted');
    expect(converted).toMatchObject({ label: leadQualification.states.converted.label, final: true });
    const fresh = answer.body.states.find((state: { key: string }) => state.key === 'new');
    expect(fresh).toMatchObject({ final: false, tags: leadQualification.states.new.tags });
  });

  it('lists customer stages in the order the work line shows them', async () => {
    const [states, queue] = await Promise.all([
      api(app, 'GET', '/api/machines/customer/states', { cookie: rep }),
      api(app, 'GET', '/api/me/queue', { cookie: rep }),
    ]);
    expect(states.body.states.map((state: { key: string }) => state.key)).toEqual(queue.body.stages.map((stage: { key: string }) => stage.key));
    expect(states.body.states).toHaveLength(Object.keys(customerLifecycle.states).length);
  });

  it('refuses an entity without a machine and a caller without a session', async () => {
    const contact = await api(app, 'GET', '/api/machines/contact/states', { cookie: rep });
    expect(contact.status).toBe(400);
    expect(contact.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(contact.body)).toContain('/params/entity');
    expect((await api(app, 'GET', '/api/machines/lead/states')).status).toBe(401);
  });
});
