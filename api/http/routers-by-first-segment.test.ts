import express, { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../observability/logger.ts';
import { HttpProblem } from './http-problem.ts';
import { defineOperation, type Operation } from './operation.ts';
import { problemMiddleware, unknownRoute } from './problem-middleware.ts';
import { route } from './route-operation.ts';
import { routersBehind, routersByFirstSegment } from './routers-by-first-segment.ts';
import { listenOnLoopback } from './testing/listen-on-loopback.ts';

const get = (operationId: string, path: string): Operation =>
  defineOperation({
    operationId,
    method: 'get',
    path,
    summary: { en: operationId, 'zh-CN': operationId },
    tags: [],
    auth: 'public',
    ...(path.includes(':') ? { params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } } : {}),
    responses: { 200: { description: 'Answered.' } },
  });

/** A router answering each of `paths` with its own name, so a test sees which router took a request. */
function answering(name: string, paths: readonly string[]): Router {
  const router = Router();
  for (const path of paths) {
    route(router, get(`${name}${path.replace(/\W/g, '_')}`, path), (_input, _request, response) => {
      response.json({ by: name });
    });
  }
  return router;
}

const exportsRouter = answering('exports', ['/customers/export']);
const customersRouter = answering('customers', ['/customers/:id']);
const failing = Router();
route(failing, get('failing', '/failing'), () => {
  throw new HttpProblem(409, 'conflict', { en: 'Conflict', 'zh-CN': '冲突' }, { en: 'It conflicts.', 'zh-CN': '冲突。' });
});
const anywhere = answering('anywhere', ['/:id/anything']);
const routers = [exportsRouter, customersRouter, failing, anywhere];

let url: string;
let close: () => Promise<void>;
beforeAll(async () => {
  const app = express();
  app.use('/api', routersByFirstSegment(routers));
  app.use(unknownRoute);
  app.use(problemMiddleware(createLogger('error', () => {})));
  ({ url, close } = await listenOnLoopback(app));
});
afterAll(async () => {
  await close();
});

const answerOf = async (path: string) => {
  const response = await fetch(`${url}${path}`);
  return { status: response.status, body: await response.json() };
};

describe('routersByFirstSegment', () => {
  it('enters the routers of a first segment in their order: the earlier router takes a path both match', async () => {
    expect(await answerOf('/api/customers/export')).toEqual({ status: 200, body: { by: 'exports' } });
    expect(await answerOf('/api/customers/42')).toEqual({ status: 200, body: { by: 'customers' } });
  });

  it('enters a router whose path starts with a parameter for any first segment', async () => {
    expect(await answerOf('/api/customers/anything')).toEqual({ status: 200, body: { by: 'customers' } });
    expect(await answerOf('/api/zzz/anything')).toEqual({ status: 200, body: { by: 'anywhere' } });
  });

  it('hands an unknown path on, and an error to the error middleware', async () => {
    expect((await answerOf('/api/nowhere')).status).toBe(404);
    expect((await answerOf('/api/customers')).status).toBe(404);
    const failed = await answerOf('/api/failing');
    expect(failed.status).toBe(409);
    expect(failed.body.type).toContain('conflict');
  });

  it('names the routers it enters', () => {
    const handler = routersByFirstSegment(routers);
    expect(routersBehind(handler)).toEqual(routers);
    expect(routersBehind(() => {})).toEqual([]);
  });
});
