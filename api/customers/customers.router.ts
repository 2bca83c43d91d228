import type { MikroORM } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { auditTrace } from '../audit/audit-trace.ts';
import { listCustomerAuditEntries } from '../audit/list-audit-entries.query.ts';
import { requirePermission } from '../auth/require-permission.middleware.ts';
import { requireSession, signedInOf } from '../auth/require-session.middleware.ts';
import { recordId } from '../commands/request-input.ts';
import { expectedVersion, requestOrigin } from '../commands/request-origin.ts';
import { contactAccessOf } from '../contacts/contact-access.ts';
import { route } from '../http/route-operation.ts';
import { versionRequired } from '../users/user-problems.ts';
import { createCustomer } from './create-customer.command.ts';
import { customerAccessOf } from './customer-access.ts';
import { customerDuplicates } from './customer-duplicates.query.ts';
import { customerEditRights } from './customer-edit-rights.ts';
import { noSuchCustomer, noSuchDeletedCustomer } from './customer-problems.ts';
import { visibleCustomer } from './customer-rows.ts';
import { customerScopeOf } from './customer-visibility.ts';
import {
  createCustomerOperation,
  deleteCustomerOperation,
  checkCustomerDuplicatesOperation,
  customerEditRightsOperation,
  getCustomerOperation,
  listCustomerAuditOperation,
  listCustomersOperation,
  listRecycleBinOperation,
  purgeCustomerOperation,
  restoreCustomerOperation,
  updateCustomerOperation,
} from './customers.operations.ts';
import { deleteCustomer } from './delete-customer.command.ts';
import { findCustomer, listCustomers, listDeletedCustomers } from './list-customers.query.ts';
import { publishedFields, recordDefinitions } from './published-definitions.ts';
import { purgeCustomer } from './purge-customer.command.ts';
import { visibleDocument } from './record-field-access.ts';
import { restoreCustomer } from './restore-customer.command.ts';
import { updateCustomer } from './update-customer.command.ts';

/** Customers: create, read, list, change, the recycle bin, the audit trail and the buttons of the stage. */
export function customersRouter(orm: MikroORM): Router {
  const router = Router();
  const signedIn = requireSession(orm);
  const customerId = (raw: string) => recordId(raw, noSuchCustomer);

  route(router, listCustomersOperation, signedIn, async ({ query }, _request, response) => {
    response.json(await listCustomers(orm, signedInOf(response), query));
  });

  route(router, createCustomerOperation, signedIn, async ({ body }, request, response) => {
    const customer = await createCustomer(orm, requestOrigin(request, response), signedInOf(response), body);
    response.status(201).location(`/api/customers/${customer.id}`).set('ETag', `"${customer.version}"`).json(customer);
  });

  // Before GET /customers/:id, which would take "duplicates" for an id.
  route(router, checkCustomerDuplicatesOperation, signedIn, async ({ query }, _request, response) => {
    response.json(await customerDuplicates(orm, signedInOf(response), query));
  });

  route(router, getCustomerOperation, signedIn, async ({ params }, _request, response) => {
    const id = customerId(params.id);
    const customer = await findCustomer(orm, signedInOf(response), id);
    if (customer === undefined) throw noSuchCustomer(id);
    response.set('ETag', `"${customer.version}"`).json(customer);
  });

  route(router, customerEditRightsOperation, signedIn, async ({ params }, _request, response) => {
    const id = customerId(params.id);
    const em = orm.em.fork();
    const caller = signedInOf(response);
    const customer = await visibleCustomer(em, customerScopeOf(caller), id, 'live');
    if (customer === undefined) throw noSuchCustomer(id);
    const definitions = await recordDefinitions(em, 'customer', { key: customer.definitionKey, version: customer.definitionVersion });
    response.json(customerEditRights(caller, customer, definitions.machine.document, customerAccessOf(caller.role, definitions.fields)));
  });

  route(router, updateCustomerOperation, signedIn, async ({ params, body }, request, response) => {
    const id = customerId(params.id);
    const version = expectedVersion(request, body.version);
    if (version === undefined) throw versionRequired();
    const customer = await updateCustomer(orm, requestOrigin(request, response), signedInOf(response), id, version, body);
    response.set('ETag', `"${customer.version}"`).json(customer);
  });

  route(router, deleteCustomerOperation, signedIn, async ({ params }, request, response) => {
    const id = customerId(params.id);
    await deleteCustomer(orm, requestOrigin(request, response), signedInOf(response), id, expectedVersion(request, undefined));
    response.status(204).end();
  });

  route(router, restoreCustomerOperation, signedIn, async ({ params }, request, response) => {
    const id = recordId(params.id, noSuchDeletedCustomer);
    const customer = await restoreCustomer(orm, requestOrigin(request, response), signedInOf(response), id);
    response.set('ETag', `"${customer.version}"`).json(customer);
  });

  route(router, listCustomerAuditOperation, signedIn, async ({ params, query }, _request, response) => {
    const id = customerId(params.id);
    const caller = signedInOf(response);
    const em = orm.em.fork();
    // The trail of a customer in the recycle bin stays readable to whoever could see the customer.
    if ((await visibleCustomer(em, customerScopeOf(caller), id, 'any')) === undefined) throw noSuchCustomer(id);
    const customerAccess = customerAccessOf(caller.role, await publishedFields(em, 'customer'));
    const contactAccess = contactAccessOf(caller.role, await publishedFields(em, 'contact'));
    const { catalogue } = await recordDefinitions(em, 'customer');
    response.json(
      await listCustomerAuditEntries(em, id, { limit: query.limit, cursor: query.cursor }, {
        customer: {
          document: (document) => visibleDocument(document, customerAccess),
          trace: (trace) => auditTrace(trace, catalogue, customerAccess),
        },
        contact: { document: (document) => visibleDocument(document, contactAccess) },
      }),
    );
  });

  route(router, listRecycleBinOperation, signedIn, async ({ query }, _request, response) => {
    response.json(await listDeletedCustomers(orm, signedInOf(response), query));
  });

  route(router, purgeCustomerOperation, signedIn, requirePermission('mayPurge'), async ({ params }, request, response) => {
    const id = recordId(params.id, noSuchDeletedCustomer);
    await purgeCustomer(orm, requestOrigin(request, response), signedInOf(response), id);
    response.status(204).end();
  });

  return router;
}
