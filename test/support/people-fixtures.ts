import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { installTemplate, readTemplateManifest } from '../../api/templates/install-template.ts';
import type { TestApp } from './test-app.ts';

const genericTemplateDir = path.resolve(import.meta.dirname, '../../seeds/generic');

/** The generic template's demo password, as its demo-users file documents it. */
export const demoPassword: string = JSON.parse(await readFile(path.join(genericTemplateDir, 'demo-users.json'), 'utf8')).password;

/**
 * Installs the generic template's roles and demo people (admin, manager.wang, rep.li, rep.zhang in one team) and
 * nothing else of it, through the real template installer.
 */
export async function installDemoPeople(app: TestApp): Promise<void> {
  const manifest = await readTemplateManifest(genericTemplateDir);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'stagecraft-people-'));
  try {
    const people = {
      ...manifest,
      key: 'test-people',
      definitions: manifest.definitions
        .filter((entry) => entry.kind === 'role')
        .map((entry) => ({ ...entry, file: path.resolve(genericTemplateDir, entry.file) })),
      demoUsers: path.resolve(genericTemplateDir, manifest.demoUsers ?? 'demo-users.json'),
      // Customers need the customer machine and fields, which this people-only install leaves out.
      demoCustomers: undefined,
    };
    await writeFile(path.join(dir, 'template.json'), JSON.stringify(people));
    await installTemplate(app.orm, dir, { timeZone: 'Asia/Shanghai' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface Caller {
  /** `stagecraft_session=<token>` once signed in. */
  cookie: string | undefined;
}

export interface CallOptions {
  body?: unknown;
  cookie?: string | undefined;
  /** Defaults to the app's own origin; `null` sends no Origin header. */
  origin?: string | null;
  headers?: Record<string, string>;
}

/** Every response body a test file saw, so it can check none ever carried a secret. */
export const seenBodies: string[] = [];

/** Calls the app as a browser page of its own origin would; the body text is kept in `seenBodies`. */
export async function call(app: TestApp, method: string, pathname: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.cookie !== undefined) headers.cookie = options.cookie;
  const origin = options.origin === undefined ? app.url : options.origin;
  if (origin !== null) headers.origin = origin;
  const response = await fetch(`${app.url}${pathname}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
  });
  const text = await response.text();
  seenBodies.push(text);
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

/** Signs in and returns the session cookie to send on later calls. */
export async function signIn(app: TestApp, login: string, password = demoPassword): Promise<string> {
  const response = await call(app, 'POST', '/api/auth/login', { body: { login, password } });
  if (response.status !== 200) throw new Error(`sign-in as ${login} answered ${response.status}: ${response.text}`);
  return sessionCookieOf(response.headers)!;
}

/** `stagecraft_session=<token>` from a Set-Cookie header, or undefined. */
export function sessionCookieOf(headers: Headers): string | undefined {
  const cookie = headers.getSetCookie().find((value) => value.startsWith('stagecraft_session='));
  return cookie?.split(';')[0];
}
