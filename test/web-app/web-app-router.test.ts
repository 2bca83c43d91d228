import { readdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDesignerDir, defaultWebAppDir, webAppRouter } from '../../api/http/web-app.router.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { ensureWebAppBuilt } from '../support/web-app-build.ts';

let app: TestApp;
beforeAll(async () => {
  await ensureWebAppBuilt();
  app = await startTestApp('web_app_router');
});
afterAll(async () => {
  await app?.close();
});

describe('serving the workspace', () => {
  it('answers every page address with the app, which its own router then shows', async () => {
    for (const page of ['/', '/pool', '/customers/won', '/customers/won?due=today']) {
      const response = await fetch(`${app.url}${page}`, { headers: { accept: 'text/html' } });
      expect(response.status, page).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toContain('<div id="root"></div>');
    }
  });

  it('has browsers ask for the page each time, and lets it load nothing but its own files', async () => {
    const response = await fetch(`${app.url}/review`);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('lets browsers keep the content-hashed bundles for good', async () => {
    const [bundle] = (await readdir(path.join(defaultWebAppDir, 'assets'))).filter((file) => file.endsWith('.js'));
    const response = await fetch(`${app.url}/assets/${bundle}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('leaves missing files and every /api address to the 404 problem', async () => {
    for (const missing of ['/assets/gone-1234.js', '/favicon.ico', '/api', '/api/nothing-here']) {
      const response = await fetch(`${app.url}${missing}`, { headers: { accept: 'text/html' } });
      expect(response.status, missing).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });

  it('serves the designer at /designer and its deep links, with its own bundles and the same policy', async () => {
    for (const page of ['/designer', '/designer/', '/designer/machine/customer-lifecycle']) {
      const response = await fetch(`${app.url}${page}`, { headers: { accept: 'text/html' } });
      expect(response.status, page).toBe(200);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(await response.text()).toContain('/designer/assets/');
    }
    const [bundle] = (await readdir(path.join(defaultDesignerDir, 'assets'))).filter((file) => file.endsWith('.js'));
    const asset = await fetch(`${app.url}/designer/assets/${bundle}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const missing of ['/designer/assets/gone-1234.js', '/designer/api/definitions']) {
      expect((await fetch(`${app.url}${missing}`)).status, missing).toBe(404);
    }
  });

  it('says in both languages how to build the workspace when it has not been built', async () => {
    const server: Server = await new Promise((resolve) => {
      const listening = express()
        .use(webAppRouter(path.join(import.meta.dirname, 'no-such-dist'), path.join(import.meta.dirname, 'no-such-designer-dist')))
        .listen(0, '127.0.0.1', () => resolve(listening));
    });
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      expect(response.status).toBe(503);
      const text = await response.text();
      expect(text).toContain('npm run build:web');
      expect(text).toContain('工作台尚未构建');
      const designer = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/designer/machine/x`);
      expect(designer.status).toBe(503);
      expect(await designer.text()).toContain('流程设计器尚未构建');
    } finally {
      server.close();
    }
  });
});
