import express, { type Express } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { authRouter } from '../auth/auth.router.ts';
import { sameOriginWrites } from '../auth/same-origin-writes.middleware.ts';
import { loadConfig, type Config } from '../config/config.ts';
import { contactRecordsRouter } from '../contact-records/contact-records.router.ts';
import { contactsRouter } from '../contacts/contacts.router.ts';
import { customersRouter } from '../customers/customers.router.ts';
import { fieldsRouter } from '../fields/fields.router.ts';
import { definitionsRouter } from '../definitions/definitions.router.ts';
import { exportsRouter } from '../exports/exports.router.ts';
import { leadsRouter } from '../leads/leads.router.ts';
import { campaignsRouter } from '../campaigns/campaigns.router.ts';
import { publicFormsRouter } from '../web-forms/public-forms.router.ts';
import { webFormsRouter } from '../web-forms/web-forms.router.ts';
import { savedViewsRouter } from '../saved-views/saved-views.router.ts';
import { listIndexesRouter } from '../lists/list-indexes.router.ts';
import { listFieldsRouter } from '../lists/list-fields.router.ts';
import { customerImportsRouter } from '../imports/customer-imports.router.ts';
import { checkReadiness } from '../database/readiness.ts';
import { notificationsRouter } from '../notifications/notifications.router.ts';
import type { Logger } from '../observability/logger.ts';
import { deadLettersRouter } from '../outbox/dead-letters.router.ts';
import { opportunitiesRouter } from '../opportunities/opportunities.router.ts';
import { ordersRouter } from '../orders/orders.router.ts';
import { ticketsRouter } from '../tickets/tickets.router.ts';
import { contactLoggedHook } from '../transitions/contact-logged.hook.ts';
import { transitionsRouter } from '../transitions/transitions.router.ts';
import { ownershipRouter } from '../ownership/ownership.router.ts';
import { recyclingRouter } from '../recycling/recycling.router.ts';
import { reviewsRouter } from '../reviews/reviews.router.ts';
import { callScriptsRouter } from '../call-scripts/call-scripts.router.ts';
import { usersRouter } from '../users/users.router.ts';
import { workQueueRouter } from '../work-queue/work-queue.router.ts';
import { apiDocsRouter } from './api-docs.router.ts';
import { HttpProblem } from './http-problem.ts';
import { problemMiddleware, unknownRoute } from './problem-middleware.ts';
import { declaredOperations } from './route-operation.ts';
import { routersByFirstSegment } from './routers-by-first-segment.ts';
import { webAppRouter } from './web-app.router.ts';

export type AppSettings = Pick<Config, 'allowedOrigins' | 'trustProxy' | 'timeZone'>;

export interface AppDependencies {
  orm: MikroORM;
  logger: Logger;
  /** Absent: the defaults of an empty environment. */
  settings?: AppSettings;
}

/** The HTTP application: every route, then the 404 and the one error middleware. */
export function createApp({ orm, logger, settings = loadConfig({}) }: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', settings.trustProxy);
  app.use(express.json({ limit: '1mb', strict: true }));
  // Ahead of every /api route, so a refused cross-site write reaches no handler.
  app.use('/api', sameOriginWrites(settings.allowedOrigins));
  // API answers depend on who asks: no browser or proxy cache may keep one for the next person at the desk.
  app.use('/api', (_request, response, next) => {
    response.set('Cache-Control', 'no-store');
    next();
  });

  app.get('/healthz', (_request, response) => {
    response.json({ status: 'up' });
  });

  app.get('/readyz', async (_request, response) => {
    const readiness = await checkReadiness(orm);
    if (!readiness.ready) {
      throw new HttpProblem(
        503,
        'not-ready',
        { en: 'Not ready', 'zh-CN': '尚未就绪' },
        { en: `Not ready: ${readiness.reason.en}.`, 'zh-CN': `尚未就绪：${readiness.reason['zh-CN']}。` },
      );
    }
    response.json({ status: 'ready' });
  });

  // Every router here declares its operations with `route`, so the OpenAPI document describes exactly these.
  const apiRouters = [
    authRouter(orm),
    usersRouter(orm, { defaultTimeZone: settings.timeZone }),
    // Before the lists' routers: `/customers/export` would otherwise be read as the customer with id "export".
    exportsRouter(orm),
    customersRouter(orm),
    fieldsRouter(orm),
    contactsRouter(orm),
    contactRecordsRouter(orm, { onContactLogged: contactLoggedHook(settings.timeZone) }),
    transitionsRouter(orm),
    opportunitiesRouter(orm),
    ordersRouter(orm),
    ticketsRouter(orm),
    ownershipRouter(orm),
    notificationsRouter(orm, { logger }),
    workQueueRouter(orm),
    recyclingRouter(orm, { defaultTimeZone: settings.timeZone }),
    deadLettersRouter(orm),
    leadsRouter(orm, { timeZone: settings.timeZone }),
    campaignsRouter(orm),
    webFormsRouter(orm),
    savedViewsRouter(orm),
    listIndexesRouter(orm),
    listFieldsRouter(orm),
    customerImportsRouter(orm),
    definitionsRouter(orm, { timeZone: settings.timeZone }),
    reviewsRouter(orm),
    callScriptsRouter(orm),
  ];
  app.use('/api', routersByFirstSegment(apiRouters));
  app.use('/api', apiDocsRouter(apiRouters.flatMap(declaredOperations)));
  app.use(publicFormsRouter(orm, { timeZone: settings.timeZone }));
  app.use(webAppRouter());

  app.use(unknownRoute);
  app.use(problemMiddleware(logger));
  return app;
}
