import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installTemplate, readTemplateManifest, TemplateError } from '../../api/templates/install-template.ts';
import { slaStateOf } from '../../api/tickets/ticket-sla.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const genericDir = path.resolve(import.meta.dirname, '../../seeds/generic');
const options = { timeZone: 'Asia/Shanghai' };

let installed: TestApp;
let untouched: TestApp;
let brokenDir: string;

/** A copy of the generic template whose recycle rule names a fact no catalogue has. */
async function writeBrokenTemplate(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'stagecraft-template-'));
  const manifest = await readTemplateManifest(genericDir);
  for (const entry of manifest.definitions) entry.file = path.resolve(genericDir, entry.file);
  const rule = manifest.definitions.find((entry) => entry.key === 'recycle-potential-no-contact')!;
  const document = JSON.parse(await readFile(rule.file, 'utf8'));
  document.conditions.all[0] = { fact: 'shoeSize', operator: 'equal', value: 42 };
  rule.file = path.join(dir, 'broken.rule.json');
  await writeFile(rule.file, JSON.stringify(document));
  delete manifest.demoUsers;
  delete manifest.demoCustomers;
  await writeFile(path.join(dir, 'template.json'), JSON.stringify(manifest));
  return dir;
}

beforeAll(async () => {
  [installed, untouched] = await Promise.all([startTestApp('template_install'), startTestApp('template_broken')]);
  brokenDir = await writeBrokenTemplate();
});
afterAll(async () => {
  await Promise.all([installed.close(), untouched.close(), rm(brokenDir, { recursive: true, force: true })]);
});

async function tableCounts(app: TestApp) {
  const { rows } = await app.schema.pool.query(`
    select (select count(*)::int from definition_version) as definitions, (select count(*)::int from role) as roles,
           (select count(*)::int from app_user) as users, (select count(*)::int from template_installation) as installations`);
  return rows[0];
}

describe('installing the generic template', () => {
  it('publishes every definition the manifest lists, once, with its roles and demo users', async () => {
    const manifest = await readTemplateManifest(genericDir);
    const outcome = await installTemplate(installed.orm, genericDir, options);
    const roles = manifest.definitions.filter((entry) => entry.kind === 'role').length;
    expect(outcome).toEqual({ installed: true, definitions: manifest.definitions.length, demoUsers: 4, demoCustomers: 40 });
    expect(await tableCounts(installed)).toEqual({
      definitions: manifest.definitions.length - roles,
      roles,
      users: 4,
      installations: 1,
    });
    const { rows } = await installed.schema.pool.query(
      "select kind, key, version, source from definition_version where key = 'customer-lifecycle'",
    );
    expect(rows).toEqual([{ kind: 'machine', key: 'customer-lifecycle', version: 1, source: `template:generic@${manifest.version}` }]);
  });

  it('creates demo customers in every stage — personal, collaborative and pool — with contacts and contact records', async () => {
    const { rows } = await installed.schema.pool.query(`
      select (select array_agg(distinct stage order by stage) from customer) as stages,
             (select array_agg(distinct ownership order by ownership) from customer) as ownerships,
             (select array_agg(distinct u.login order by u.login) from customer c join app_user u on u.id = c.owner_id
               where c.ownership = 'personal') as personal_owners,
             (select count(*)::int from customer_owner where role = 'collaborator') as collaborators,
             (select count(*)::int from contact) as contacts,
             (select count(*)::int from contact_record) as records,
             (select count(*)::int from customer where call_count > 0 and last_contact_at is not null) as called,
             (select count(distinct custom_fields->>'customerNumber')::int from customer) as numbers,
             (select count(*)::int from audit_entry where actor_id is null) as system_audits`);
    expect(rows[0]).toMatchObject({
      stages: ['opportunity', 'potential', 'reserve', 'target', 'won'],
      ownerships: ['collaborative', 'personal', 'pool'],
      personal_owners: ['rep.li', 'rep.zhang'],
      numbers: 40,
    });
    expect(rows[0].collaborators).toBeGreaterThan(0);
    expect(rows[0].contacts).toBeGreaterThan(40);
    expect(rows[0].records).toBeGreaterThan(40);
    expect(rows[0].called).toBeGreaterThan(10);
    expect(rows[0].system_audits).toBeGreaterThan(40);
  });

  it('gives the demo opportunities, orders and tickets in every state of their machines, through the API’s own cores', async () => {
    const stagesOf = async (machine: string) => {
      const { rows } = await installed.schema.pool.query("select document from definition_version where kind = 'machine' and key = $1", [machine]);
      return Object.keys(rows[0].document.states).sort();
    };
    const distinct = async (sql: string) => (await installed.schema.pool.query(sql)).rows.map((row) => row.value).sort();
    expect(await distinct('select distinct stage as value from customer')).toEqual(await stagesOf('customer-lifecycle'));
    expect(await distinct('select distinct stage as value from opportunity')).toEqual(await stagesOf('opportunity-funnel'));
    expect(await distinct('select distinct status as value from sales_order')).toEqual(await stagesOf('order-follow-up'));
    expect(await distinct('select distinct status as value from ticket')).toEqual(await stagesOf('ticket-escalation'));
    expect(await distinct('select distinct ownership as value from customer')).toEqual(['collaborative', 'personal', 'pool']);
    expect(await distinct('select distinct priority as value from ticket')).toEqual(['high', 'low', 'normal', 'urgent']);

    const { rows } = await installed.schema.pool.query(`
      select (select count(*)::int from order_line) as lines,
             (select count(*)::int from sales_order where paid_amount > 0 and not is_paid) as partly_paid,
             (select count(*)::int from sales_order where is_paid) as paid,
             (select count(*)::int from sales_order o
               where paid_amount <> (select coalesce(sum(amount), 0) from order_payment p where p.order_id = o.id)) as unbalanced,
             (select count(*)::int from ticket where response_due_at is null or resolve_due_at is null) as without_due,
             (select count(*)::int from ticket t join customer c on c.id = t.customer_id where c.ownership = 'pool') as pool_tickets,
             (select count(*)::int from audit_entry where entity in ('opportunity', 'order', 'ticket') and action = 'create' and actor_id is null) as created,
             (select count(*)::int from opportunity) + (select count(*)::int from sales_order) + (select count(*)::int from ticket) as records`);
    expect(rows[0].lines).toBeGreaterThan(0);
    expect(rows[0].partly_paid).toBeGreaterThanOrEqual(2);
    expect(rows[0].paid).toBeGreaterThanOrEqual(3);
    expect(rows[0]).toMatchObject({ unbalanced: 0, without_due: 0 });
    expect(rows[0].pool_tickets).toBeGreaterThan(0);
    expect(rows[0].created).toBe(rows[0].records);

    // The ticket view reads its service-level standing from the demo's times: several states, not one.
    const { rows: tickets } = await installed.schema.pool.query(
      'select status, response_due_at, resolve_due_at, first_response_at, resolved_at from ticket',
    );
    const states = new Set(
      tickets.map((t) =>
        slaStateOf({ responseDueAt: t.response_due_at, resolveDueAt: t.resolve_due_at, firstResponseAt: t.first_response_at, resolvedAt: t.resolved_at }, new Date()),
      ),
    );
    expect([...states].sort()).toEqual(expect.arrayContaining(['breached', 'met', 'onTrack', 'resolveOverdue', 'responseOverdue']));
  });

  it('enters the demo as history: its records keep their timers but set off no effects', async () => {
    const count = async (sql: string) => (await installed.schema.pool.query(sql)).rows[0].count;
    expect(await count('select count(*)::int as count from outbox')).toBe(0);
    expect(await count("select count(*)::int as count from due_timer where kind = 'machine' and status = 'pending'")).toBeGreaterThan(0);
  });

  it('does nothing the second time', async () => {
    const before = await tableCounts(installed);
    expect(await installTemplate(installed.orm, genericDir, options)).toEqual({ installed: false, reason: 'already-installed' });
    expect(await tableCounts(installed)).toEqual(before);
  });

  it('refuses a template with a broken definition, naming the file and the path, and writes nothing', async () => {
    const failure = installTemplate(untouched.orm, brokenDir, options);
    await expect(failure).rejects.toThrow(TemplateError);
    await expect(failure).rejects.toThrow(
      `${path.join(brokenDir, 'broken.rule.json')}#/conditions/all/0/fact: "shoeSize" is not a fact of customer.`,
    );
    expect(await tableCounts(untouched)).toEqual({ definitions: 0, roles: 0, users: 0, installations: 0 });
  });
});
