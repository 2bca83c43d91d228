import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../api/http/api-reference-schema.ts';
import { createApp } from '../../api/http/create-app.ts';
import type { OpenApiDocument, OpenApiOperation } from '../../api/http/openapi-document.ts';
import { routersBehind } from '../../api/http/routers-by-first-segment.ts';
import { createLogger } from '../../api/observability/logger.ts';
import { call, installDemoPeople, signIn } from '../support/people-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

let app: TestApp;
let document: OpenApiDocument;
let admin: string;
let adminId: number;

beforeAll(async () => {
  app = await startTestApp('openapi');
  await installDemoPeople(app);
  admin = await signIn(app, 'admin');
  adminId = (await call(app, 'GET', '/api/me', { cookie: admin })).json().id;
  document = (await call(app, 'GET', '/api/openapi.json')).json();
});
afterAll(async () => {
  await app.close();
});

interface DocumentedOperation {
  method: string;
  /** As the document writes it, under /api: `/api/users/{id}`. */
  path: string;
  operation: OpenApiOperation;
}

function documentedOperations(): DocumentedOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ method: method.toUpperCase(), path: `/api${path}`, operation })),
  );
}

/** A request path for a documented one: every `{name}` becomes `value`. */
const concrete = (path: string, value: string | number = 1) => path.replace(/\{[^}]+\}/g, String(value));

/** `GET /api/users/{id}` for each route Express has mounted on a router under /api (router 2's layer fields). */
function mountedApiRoutes(express: Express): string[] {
  interface Layer {
    rawPath?: unknown;
    handle: { stack?: Layer[] };
    route?: { path: string; methods: Record<string, boolean> };
  }
  const appLayers = (express.router as unknown as { stack: Layer[] }).stack;
  // Routers mounted on their own, and those behind the one handler that enters them by their first segment.
  return appLayers
    .filter((layer) => layer.rawPath === '/api')
    .flatMap((layer) => [layer.handle, ...(routersBehind(layer.handle) as unknown as Layer['handle'][])])
    .flatMap((router) => router.stack ?? [])
    .flatMap((layer) =>
      layer.route === undefined
        ? []
        : Object.keys(layer.route.methods).map((method) => `${method.toUpperCase()} /api${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`),
    );
}

/** Checks bodies against the document's own schemas, `$ref`s into its components included. */
function documentSchemaChecker() {
  const base = 'https://stagecraft.test/openapi.json';
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: base, components: document.components });
  const absolute = (schema: unknown): unknown =>
    JSON.parse(JSON.stringify(schema), (key, value) => (key === '$ref' && value.startsWith('#/') ? `${base}${value}` : value));
  return (schema: unknown, body: unknown) => {
    const check = ajv.compile(absolute(schema) as object);
    return check(body) ? [] : (check.errors ?? []);
  };
}

describe('the OpenAPI document at /api/openapi.json', () => {
  it('passes a standard OpenAPI 3.1 validator', async () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(await new Validator().validate(structuredClone(document) as unknown as Record<string, unknown>)).toEqual({ valid: true });
  });

  it('describes every route Express has mounted under /api, and no other', () => {
    const express = createApp({ orm: app.orm, logger: createLogger('error', () => {}) });
    const mounted = mountedApiRoutes(express).sort();
    expect(mounted.length).toBeGreaterThan(0);
    expect(documentedOperations().map(({ method, path }) => `${method} ${path}`).sort()).toEqual(mounted);
  });

  it('has every documented operation answer as itself, not as an unknown route', async () => {
    for (const { method, path } of documentedOperations()) {
      const response = await call(app, method, concrete(path), method === 'GET' ? {} : { body: {}, origin: null });
      const unknownRoute = response.status === 404 && /No route for/.test(response.text);
      expect(unknownRoute, `${method} ${path}`).toBe(false);
    }
  });

  it('tells the truth about access: signed-in operations answer 401 without a session, open ones never do', async () => {
    for (const { method, path, operation } of documentedOperations()) {
      const response = await call(app, method, concrete(path), method === 'GET' ? {} : { body: {}, origin: null });
      const unauthenticated = response.status === 401 && response.json().type === 'https://stagecraft.dev/problems/unauthenticated';
      expect(unauthenticated, `${method} ${path}`).toBe(operation.security.length > 0);
    }
  });

  it('describes what every GET answers an administrator: a documented status and a body its schema accepts', async () => {
    const problemsOf = documentSchemaChecker();
    for (const { method, path, operation } of documentedOperations().filter((o) => o.method === 'GET')) {
      const response = await call(app, method, concrete(path, adminId), { cookie: admin });
      const documented = operation.responses[String(response.status)];
      expect(documented, `${method} ${path} answered ${response.status}`).toBeDefined();
      const [mediaType, media] = Object.entries(documented?.content ?? {})[0] ?? [];
      if (mediaType === undefined) continue;
      expect(response.headers.get('content-type'), `${method} ${path}`).toContain(mediaType);
      if (mediaType.endsWith('json')) expect(problemsOf(media?.schema, response.json()), `${method} ${path}`).toEqual([]);
    }
  });

  it('describes the sign-in answer, with its cookie', async () => {
    const response = await call(app, 'POST', '/api/auth/login', { body: { login: 'admin', password: 'stagecraft-demo' } });
    const answer = document.paths['/auth/login']?.post?.responses['200'];
    expect(answer?.headers).toHaveProperty('Set-Cookie');
    expect(documentSchemaChecker()(answer?.content?.['application/json']?.schema, response.json())).toEqual([]);
  });
});

describe('path and query checks', () => {
  it('answers a query that breaks its declared schema with 400 problem+json naming /query/…', async () => {
    const response = await call(app, 'GET', '/api/docs?lang=fr&theme=dark');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(response.json()).toMatchObject({
      type: 'https://stagecraft.dev/problems/validation',
      errors: [
        { path: '/query/theme', message: '"theme" is not allowed here.' },
        { path: '/query/lang', message: 'Must be one of "en", "zh-CN".' },
      ],
    });
  });

  it('keeps the user routes’ answers: a path id that is not a number names no user (404)', async () => {
    expect((await call(app, 'GET', '/api/users/abc', { cookie: admin })).status).toBe(404);
  });
});

describe('the reference page at /api/docs', () => {
  it('names every operation, with its method and path, in the language asked for', async () => {
    const operations = documentedOperations();
    const english = await call(app, 'GET', '/api/docs', { headers: { 'accept-language': 'en' } });
    expect(english.status).toBe(200);
    expect(english.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(english.text).toContain('<html lang="en">');
    const chinese = await call(app, 'GET', '/api/docs', { headers: { 'accept-language': 'zh-CN,zh;q=0.9' } });
    expect(chinese.text).toContain('<html lang="zh-CN">');
    expect((await call(app, 'GET', '/api/docs?lang=zh-CN')).text).toBe(chinese.text);
    for (const { method, path, operation } of operations) {
      const heading = `>${method}</span><code>${escapeHtml(path)}</code>`;
      expect(english.text, `${method} ${path}`).toContain(heading);
      expect(english.text).toContain(`id="op-${operation.operationId}"`);
      expect(english.text).toContain(escapeHtml(operation.summary));
      expect(chinese.text, `${method} ${path}`).toContain(heading);
      expect(chinese.text).toContain(escapeHtml(operation['x-zh-CN'].summary));
    }
  });

  it('is one self-contained page: no scripts and nothing loaded from elsewhere', async () => {
    const page = await call(app, 'GET', '/api/docs');
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(page.text).not.toMatch(/<script|<link|<img|<iframe|\ssrc=/i);
    expect(page.text).not.toMatch(/href="(https?:)?\/\//);
  });
});
