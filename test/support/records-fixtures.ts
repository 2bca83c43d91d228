import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { installTemplate, readTemplateManifest } from '../../api/templates/install-template.ts';
import { call, type CallOptions } from './people-fixtures.ts';
import type { TestApp } from './test-app.ts';

const genericTemplateDir = path.resolve(import.meta.dirname, '../../seeds/generic');

/**
 * Installs the whole generic template — definitions, roles, demo people — but not its demo customers, so a test
 * file starts from an empty customer table it fills itself.
 */
export async function installGenericTemplate(app: TestApp): Promise<void> {
  const manifest = await readTemplateManifest(genericTemplateDir);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'stagecraft-generic-'));
  try {
    const absolute = (file: string) => path.resolve(genericTemplateDir, file);
    const withoutCustomers = {
      ...manifest,
      definitions: manifest.definitions.map((entry) => ({ ...entry, file: absolute(entry.file) })),
      demoUsers: absolute(manifest.demoUsers ?? 'demo-users.json'),
      demoCustomers: undefined,
    };
    await writeFile(path.join(dir, 'template.json'), JSON.stringify(withoutCustomers));
    await installTemplate(app.orm, dir, { timeZone: 'Asia/Shanghai' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The tables a records command writes, in dependency order. */
export const recordTables = [
  'customer',
  'customer_owner',
  'ownership_event',
  'contact',
  'contact_record',
  'opportunity',
  'sales_order',
  'order_line',
  'order_payment',
  'ticket',
  'due_timer',
  'notification',
  'audit_entry',
  'outbox',
  'auto_number',
];

/** Row count and an md5 of every row's text per table: equal snapshots mean nothing was written. */
export async function tableSnapshot(app: TestApp): Promise<Record<string, { rows: number; md5: string | null }>> {
  const snapshot: Record<string, { rows: number; md5: string | null }> = {};
  for (const table of recordTables) {
    const { rows } = await app.schema.pool.query(
      `select count(*)::int as rows, md5(string_agg(t::text, '|' order by t::text)) as md5 from ${table} t`,
    );
    snapshot[table] = rows[0];
  }
  return snapshot;
}

/** A user id by login. */
export async function userIdOf(app: TestApp, login: string): Promise<number> {
  const { rows } = await app.schema.pool.query('select id::int as id from app_user where login = $1', [login]);
  if (rows[0] === undefined) throw new Error(`no user ${login}`);
  return rows[0].id;
}

/** Calls a JSON endpoint and returns status and body (problem documents included). */
export async function api(app: TestApp, method: string, pathname: string, options: CallOptions = {}) {
  const response = await call(app, method, pathname, options);
  const body = response.text === '' ? undefined : response.json();
  return { status: response.status, body, headers: response.headers };
}

/** A new personal customer of the signed-in caller, created through the API; `serial` keeps names and phones unique. */
export async function aCustomerOf(app: TestApp, cookie: string, label: string, serial: number): Promise<number> {
  const body = { name: `${label}${serial}号`, phone: `139${String(serial).padStart(8, '0')}` };
  const response = await api(app, 'POST', '/api/customers', { cookie, body });
  if (response.status !== 201) throw new Error(`customer answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body.id;
}
