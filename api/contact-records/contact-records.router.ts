import type { MikroORM } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { requireSession, signedInOf } from '../auth/require-session.middleware.ts';
import { recordId } from '../commands/request-input.ts';
import { expectedVersion, requestOrigin } from '../commands/request-origin.ts';
import { noSuchCustomer } from '../customers/customer-problems.ts';
import { route } from '../http/route-operation.ts';
import { versionRequired } from '../users/user-problems.ts';
import { noSuchContactRecord } from './contact-record-problems.ts';
import {
  createContactRecordOperation,
  listContactRecordsOperation,
  listVisibleContactRecordsOperation,
  updateContactRecordOperation,
} from './contact-records.operations.ts';
import { createContactRecord } from './create-contact-record.command.ts';
import { listContactRecords, listVisibleContactRecords } from './list-contact-records.query.ts';
import type { ContactLoggedHook } from './log-contact.ts';
import { updateContactRecord } from './update-contact-record.command.ts';

export interface ContactRecordsRouterOptions {
  /** The transitions slice's CONTACT_LOGGED step, run in the same transaction (see log-contact.ts). */
  onContactLogged?: ContactLoggedHook;
}

/** Contact records (联系记录) of a customer: logged by whoever sees it, corrected by their author within 24 hours. */
export function contactRecordsRouter(orm: MikroORM, options: ContactRecordsRouterOptions = {}): Router {
  const router = Router();
  const signedIn = requireSession(orm);
  const customerId = (raw: string) => recordId(raw, noSuchCustomer);

  route(router, listVisibleContactRecordsOperation, signedIn, async ({ query }, _request, response) => {
    response.json(await listVisibleContactRecords(orm, signedInOf(response), query));
  });

  route(router, listContactRecordsOperation, signedIn, async ({ params, query }, _request, response) => {
    const id = customerId(params.id);
    const page = await listContactRecords(orm, signedInOf(response), id, query);
    if (page === undefined) throw noSuchCustomer(id);
    response.json(page);
  });

  route(router, createContactRecordOperation, signedIn, async ({ params, body }, request, response) => {
    const id = customerId(params.id);
    const origin = requestOrigin(request, response);
    const record = await createContactRecord(orm, origin, signedInOf(response), id, body, options.onContactLogged);
    response.status(201).location(`/api/customers/${id}/contact-records/${record.id}`).set('ETag', `"${record.version}"`).json(record);
  });

  route(router, updateContactRecordOperation, signedIn, async ({ params, body }, request, response) => {
    const version = expectedVersion(request, body.version);
    if (version === undefined) throw versionRequired();
    const origin = requestOrigin(request, response);
    const id = customerId(params.id);
    const record = await updateContactRecord(orm, origin, signedInOf(response), id, recordId(params.recordId, noSuchContactRecord), version, body);
    response.set('ETag', `"${record.version}"`).json(record);
  });

  return router;
}
