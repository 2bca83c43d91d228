import type { MikroORM } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { requireSession, signedInOf } from '../auth/require-session.middleware.ts';
import { publishedFields } from '../customers/published-definitions.ts';
import { recordFieldAccess } from '../customers/record-field-access.ts';
import { route } from '../http/route-operation.ts';
import { listCallerFieldsOperation } from './fields.operations.ts';

/** GET /api/fields/:entity — the custom fields a form may offer the caller, with what the caller may do with each. */
export function fieldsRouter(orm: MikroORM): Router {
  const router = Router();

  route(router, listCallerFieldsOperation, requireSession(orm), async ({ params }, _request, response) => {
    const fields = await publishedFields(orm.em.fork(), params.entity);
    const access = recordFieldAccess(params.entity, signedInOf(response).role, [], fields).custom;
    const visible = fields.flatMap(({ permissions: _ignored, ...field }) => {
      const level = access.get(field.key)?.access ?? 'hidden';
      return level === 'hidden' ? [] : [{ ...field, access: level }];
    });
    response.json({ fields: visible });
  });

  return router;
}
