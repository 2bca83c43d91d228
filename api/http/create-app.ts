import express, { type Express } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { checkReadiness } from '../database/readiness.ts';
import type { Logger } from '../observability/logger.ts';
import { HttpProblem } from './http-problem.ts';
import { problemMiddleware, unknownRoute } from './problem-middleware.ts';

export interface AppDependencies {
  orm: MikroORM;
  logger: Logger;
}

/** The HTTP application: every route, then the 404 and the one error middleware. */
export function createApp({ orm, logger }: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(express.json({ limit: '1mb', strict: true }));

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

  app.use(unknownRoute);
  app.use(problemMiddleware(logger));
  return app;
}
