import { readFile } from 'node:fs/promises';
import { sql } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { compileSchemaCheck, schemaProblems } from '../../engine/validation/schema-validator.ts';
import { normalizeLogin } from '../auth/login.command.ts';
import { runInTransaction } from '../commands/run-command.ts';
import { logContact } from '../contact-records/log-contact.ts';
import { contactValueProblems, writeContact } from '../contacts/write-contact.ts';
import { AppUser } from '../users/user.entity.ts';
import { customFieldValues, phoneValue } from './customer-values.ts';
import { Customer } from './customer.entity.ts';
import { createDemoCustomerRecords, demoDefinitionsCache } from './demo-customer-records.ts';
import { demoCustomersSchema, type DemoCustomers } from './demo-customers.schema.ts';
import { insertCustomer } from './insert-customer.ts';
import { recordDefinitions } from './published-definitions.ts';

const checkDemoCustomers = compileSchemaCheck(demoCustomersSchema);
const dayMs = 24 * 60 * 60 * 1000;

/** A template's demo-customers file, checked against its schema; a bad file stops with every problem and its path. */
export async function readDemoCustomers(file: string): Promise<DemoCustomers> {
  const document: unknown = JSON.parse(await readFile(file, 'utf8'));
  const problems = schemaProblems(checkDemoCustomers, document, '');
  if (problems.length > 0) {
    throw new Error(`${file} is not a valid demo-customers file: ${problems.map((p) => `${p.path || '/'} ${p.message.en}`).join('; ')}`);
  }
  return document as DemoCustomers;
}

type DemoCustomer = DemoCustomers['customers'][number];

function demoError(index: number, customer: DemoCustomer, what: string): Error {
  return new Error(`Demo customer /customers/${index} (${customer.name}): ${what}`);
}

/**
 * Creates the demo customers inside the template's install transaction, through the same insert, contact and
 * contact-record code the API uses (dedupe, auto numbers, stage snapshot, ownership history, audit), as the system,
 * then their opportunities, orders with payments, and tickets (demo-customer-records.ts). They enter as history:
 * their stages' effects are not queued (see CommandOrigin.historical).
 * Values are checked against the just-published definitions; anything wrong stops the install with its path.
 */
export async function createDemoCustomers(em: EntityManager, demo: DemoCustomers, now: Date, timeZone: string): Promise<number> {
  return runInTransaction(em, { actorId: null, now, historical: true }, async (context) => {
    const definitions = await recordDefinitions(em, 'customer');
    const machine = definitions.machine.document;
    const users = new Map<string, { id: number; teamId: number | null }>();
    const userOf = async (login: string, index: number, customer: DemoCustomer) => {
      const key = normalizeLogin(login);
      let user = users.get(key);
      if (user === undefined) {
        const row = await em.findOne(AppUser, { [sql.lower('login')]: key });
        if (row === null) throw demoError(index, customer, `there is no user "${login}" (see the template's demo users).`);
        user = { id: row.id, teamId: row.teamId ?? null };
        users.set(key, user);
      }
      return user;
    };
    const system = { actor: { userId: 'system', roles: ['system'] }, timeZone, scope: { kind: 'all' as const }, shownName: (name: string) => name };
    const definitionsOf = demoDefinitionsCache(context);

    for (const [index, customer] of demo.customers.entries()) {
      const state = machine.states[customer.stage];
      if (state === undefined) throw demoError(index, customer, `the ${machine.id} machine has no stage "${customer.stage}".`);
      const phone = phoneValue(customer.phone, '/phone');
      const custom = customFieldValues(customer.customFields ?? {}, definitions.fields, { path: '/customFields', requireAll: true });
      const problems = [...('code' in phone ? [phone] : []), ...custom.problems];
      if (problems.length > 0 || 'code' in phone) {
        throw demoError(index, customer, problems.map((p) => `${p.path} ${p.message.en}`).join('; '));
      }
      const owner = customer.owner === null ? null : await userOf(customer.owner, index, customer);
      const collaborators = await Promise.all((customer.collaborators ?? []).map((login) => userOf(login, index, customer)));
      const createdAt = new Date(now.getTime() - (customer.createdDaysAgo ?? 0) * dayMs);
      const undeclared = Object.keys(customer.flags ?? {}).filter((flag) => !Object.hasOwn(state.flags ?? {}, flag));
      if (undeclared.length > 0) throw demoError(index, customer, `the stage "${customer.stage}" has no flag ${undeclared.join(', ')}.`);
      const document = await insertCustomer(
        context,
        definitions,
        {
          name: customer.name,
          phone: phone.phone,
          phoneNormalized: phone.normalized,
          keywords: customer.keywords ?? [],
          stage: customer.stage,
          ownership: owner === null ? 'pool' : collaborators.length > 0 ? 'collaborative' : 'personal',
          ownerId: owner?.id ?? null,
          collaboratorIds: collaborators.map((user) => user.id),
          teamId: owner?.teamId ?? null,
          doNotCall: customer.doNotCall ?? false,
          contractEndsOn: null,
          customFields: custom.values,
          ...(customer.flags === undefined ? {} : { flags: customer.flags }),
          createdBy: owner?.id ?? null,
          createdAt,
        },
        system,
      );
      const row = await em.findOneOrFail(Customer, { id: document.id });

      const contactIds: number[] = [];
      for (const contact of customer.contacts ?? []) {
        const contactProblems = contactValueProblems(contact, []);
        if (contactProblems.length > 0) throw demoError(index, customer, contactProblems.map((p) => `contact ${p.path} ${p.message.en}`).join('; '));
        contactIds.push((await writeContact(context, row.id, contact, [], (name) => name)).id);
      }
      const records = [...(customer.contactRecords ?? [])].sort((a, b) => b.daysAgo - a.daysAgo);
      for (const record of records) {
        const author = await userOf(record.author, index, customer);
        // Mid-morning of the day, so "days ago" reads as a working day's call.
        const occurredAt = new Date(Math.max(createdAt.getTime(), now.getTime() - record.daysAgo * dayMs - 2 * 60 * 60 * 1000));
        const contactId = record.contact === undefined ? null : (contactIds[record.contact] ?? null);
        await logContact(context, row, {
          channel: record.channel,
          outcome: record.outcome,
          notes: record.notes ?? '',
          occurredAt,
          contactId,
          ...(record.nextFollowUpInDays === undefined ? {} : { nextFollowUpAt: new Date(now.getTime() + record.nextFollowUpInDays * dayMs) }),
          reminderAt: null,
          authorId: author.id,
          createdAt: occurredAt,
        });
      }
      await createDemoCustomerRecords(context, customer, row.id, definitionsOf, {
        now,
        creator: system,
        userIdOf: async (login) => (await userOf(login, index, customer)).id,
        fail: (what) => demoError(index, customer, what),
      });
      // Every flush looks at every entity still managed; a finished customer's rows are written and no longer needed.
      await em.flush();
      em.clear();
    }
    return demo.customers.length;
  });
}
