import express, { Router, type RequestHandler } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../observability/logger.ts';
import { defineOperation } from './operation.ts';
import { problemMiddleware } from './problem-middleware.ts';
import { declaredOperations, route } from './route-operation.ts';
import { listenOnLoopback } from './testing/listen-on-loopback.ts';

const renameThing = defineOperation({
  operationId: 'renameThing',
  method: 'patch',
  path: '/things/:thingId',
  summary: { en: 'Rename a thing', 'zh-CN': '重命名' },
  tags: [],
  auth: 'public',
  params: { type: 'object', properties: { thingId: { type: 'integer', minimum: 1 } }, required: ['thingId'] },
  query: {
    type: 'object',
    properties: { limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 }, dryRun: { type: 'boolean' } },
    additionalProperties: false,
  },
  body: { type: 'object', properties: { name: { type: 'string', minLength: 1 } }, required: ['name'], additionalProperties: false },
  responses: { 200: { description: 'Renamed.' } },
});

const refuseWhenAsked: RequestHandler = (request, response, next) => {
  if (request.get('x-refuse') !== undefined) {
    response.status(403).json({ refused: true });
    return;
  }
  next();
};

let url: string;
let close: () => Promise<void>;
const router = Router();
beforeAll(async () => {
  route(router, renameThing, refuseWhenAsked, ({ params, query, body }, _request, response) => {
    response.json({ thingId: params.thingId, limit: query.limit, dryRun: query.dryRun ?? null, name: body.name });
  });
  const app = express();
  app.use(express.json());
  app.use(router);
  app.use(problemMiddleware(createLogger('error', () => {})));
  ({ url, close } = await listenOnLoopback(app));
});
afterAll(async () => {
  await close();
});

async function patch(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}${path}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe('route', () => {
  it('hands the handler path and query values as their declared types, with defaults filled in', async () => {
    expect(await patch('/things/7?dryRun=true', { name: 'Seven' })).toEqual({
      status: 200,
      body: { thingId: 7, limit: 50, dryRun: true, name: 'Seven' },
    });
    expect((await patch('/things/7?limit=20', { name: 'Seven' })).body).toMatchObject({ limit: 20, dryRun: null });
  });

  it('answers one 400 naming every failing path: /params/…, /query/… and the body from its root', async () => {
    const { status, body } = await patch('/things/zero?limit=500&colour=red', { name: '' });
    expect(status).toBe(400);
    expect(body.type).toBe('https://stagecraft.dev/problems/validation');
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/name', '/params/thingId', '/query/colour', '/query/limit']);
  });

  it('runs the guards before any schema check, so a refused caller learns nothing about the schemas', async () => {
    expect(await patch('/things/zero', { wrong: true }, { 'x-refuse': 'yes' })).toEqual({ status: 403, body: { refused: true } });
  });

  it('records the operations it mounted, in order, for the OpenAPI document', () => {
    expect(declaredOperations(router)).toEqual([renameThing]);
    expect(declaredOperations(Router())).toEqual([]);
  });

  it('refuses at start an operation whose path parameters and params schema disagree', () => {
    const undeclared = { ...renameThing, operationId: 'undeclared', params: undefined };
    expect(() => route(Router(), undeclared, () => {})).toThrow(/undeclared: \[thingId\]/);
    const optional = { ...renameThing, operationId: 'optional', params: { ...renameThing.params, required: [] } };
    expect(() => route(Router(), optional, () => {})).toThrow(/undeclared: \[thingId\]/);
    const wildcard = { ...renameThing, operationId: 'wildcard', path: '/things/*rest', params: undefined };
    expect(() => route(Router(), wildcard, () => {})).toThrow(/neither a plain segment nor a :name parameter/);
  });
});
