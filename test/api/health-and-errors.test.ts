import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let unmigrated: TestApp;
beforeAll(async () => {
  [app, unmigrated] = await Promise.all([startTestApp('http_app'), startTestApp('http_unmigrated', { migrate: false })]);
});
afterAll(async () => {
  await Promise.all([app.close(), unmigrated.close()]);
});

async function problemOf(response: Response) {
  expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  return response.json();
}

describe('health and readiness', () => {
  it('answers /healthz while the process is up', async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'up' });
  });

  it('answers /readyz 200 when the database answers and every migration is applied', async () => {
    const response = await fetch(`${app.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready' });
  });

  it('answers /readyz 503 problem+json naming the pending migrations', async () => {
    const response = await fetch(`${unmigrated.url}/readyz`);
    expect(response.status).toBe(503);
    expect(await problemOf(response)).toMatchObject({ status: 503, detail: expect.stringMatching(/^Not ready: migrations pending: 0001-foundation, 0002-users-and-sessions/) });
  });
});

describe('errors as problem+json', () => {
  it('answers a malformed JSON body with 400, not an HTML page or a stack trace', async () => {
    const response = await fetch(`${app.url}/api/x`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{bad',
    });
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem).toEqual({
      type: 'https://stagecraft.dev/problems/malformed-json',
      title: 'Malformed JSON',
      status: 400,
      detail: expect.stringContaining('not valid JSON'),
      instance: '/api/x',
    });
    expect(JSON.stringify(problem)).not.toMatch(/at .*\.js:\d+/);
  });

  it('answers an unknown route with 404 in the language the caller asks for', async () => {
    const response = await fetch(`${app.url}/api/nothing-here`, { headers: { 'accept-language': 'zh-CN,zh;q=0.9' } });
    expect(response.status).toBe(404);
    expect(await problemOf(response)).toMatchObject({ title: '未找到', detail: expect.stringContaining('/api/docs') });
  });

  it('answers a body over 1 MB with 413', async () => {
    const response = await fetch(`${app.url}/api/x`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ padding: 'x'.repeat(1_100_000) }),
    });
    expect(response.status).toBe(413);
    expect(await problemOf(response)).toMatchObject({ type: 'https://stagecraft.dev/problems/body-too-large' });
  });
});
