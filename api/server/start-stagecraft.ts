import { createServer, type RequestListener, type Server } from 'node:http';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config/config.ts';
import { startEmbeddedPostgres } from '../database/embedded-postgres-server.ts';
import { closeOrm } from '../database/close-orm.ts';
import { migrateToLatest, openOrm } from '../database/orm.ts';
import { createApp } from '../http/create-app.ts';
import type { Logger } from '../observability/logger.ts';
import { startBackgroundRuntime } from '../runtime/background-runtime.ts';
import { installTemplate, readTemplateDemoUsers, readTemplateManifest } from '../templates/install-template.ts';
import { workingDemoLogins, type DemoLogin } from '../users/demo-users.ts';

export interface RunningStagecraft {
  url: string;
  orm: MikroORM;
  /** With the demo template loaded: its logins that still work with the demo password, and that password. */
  demo: { password: string; logins: DemoLogin[] } | undefined;
  stop(): Promise<void>;
}

const demoTemplateDir = path.resolve(import.meta.dirname, '../../seeds/generic');

/**
 * One code path, two configurations: with DATABASE_URL it uses that server, without it a real PostgreSQL from the
 * embedded-postgres package under the data folder. The HTTP port is taken first (answering 503 while starting), so a
 * port in use is reported at once; then the database, migrations, the demo template on first start, the background
 * runtime, and the app takes over the port.
 */
export async function startStagecraft(config: Config, logger: Logger): Promise<RunningStagecraft> {
  const stops: Array<() => Promise<void>> = [];
  let server: Server | undefined;
  // The server closes first, so no request reaches a runtime or database that is stopping.
  const stopAll = async () => {
    if (server !== undefined) await closeServer(server);
    server = undefined;
    for (const stop of stops.splice(0).reverse()) await stop();
  };
  try {
    server = await listen(createServer(answerStarting), config.port, config.host);

    let databaseUrl = config.databaseUrl;
    if (databaseUrl === undefined) {
      const embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPostgresPort).catch((error: unknown) => {
        throw new Error(
          `The embedded PostgreSQL did not start (data in ${config.dataDir}, port ${config.embeddedPostgresPort}). ` +
            'Is another Stagecraft running on this folder or port? Stop it, or set STAGECRAFT_DATA / STAGECRAFT_EMBEDDED_PG_PORT.',
          { cause: error },
        );
      });
      databaseUrl = embedded.url;
      stops.push(() => embedded.stop());
    }

    const orm = await openOrm({ databaseUrl, ...(config.databaseSchema ? { schema: config.databaseSchema } : {}) });
    stops.push(() => closeOrm(orm));
    if (config.databaseSchema) {
      await orm.em.getConnection().execute(`create schema if not exists "${config.databaseSchema}"`);
    }
    const applied = await migrateToLatest(orm);
    if (applied.length > 0) logger.info('migrations applied', { migrations: applied });

    if (config.loadDemo) {
      const outcome = await installTemplate(orm, demoTemplateDir, { timeZone: config.timeZone });
      if (outcome.installed) {
        logger.info('demo template installed', {
          definitions: outcome.definitions,
          demoUsers: outcome.demoUsers,
          demoCustomers: outcome.demoCustomers,
        });
      }
    }

    // Workers run here unless STAGECRAFT_WORKERS=false (then `npm run worker` processes deliver); either way this
    // process nudges them after each commit that wrote outbox messages. Stopped after the server (stops run reversed).
    const runtime = await startBackgroundRuntime({ orm, logger, settings: config, workers: config.runWorkers });
    stops.push(() => runtime.stop());

    server.removeListener('request', answerStarting);
    server.on('request', createApp({ orm, logger, settings: config }));

    // After listening: checking the demo passwords costs a few scrypt runs, which need not delay readiness.
    let demo: RunningStagecraft['demo'];
    if (config.loadDemo) {
      const demoUsers = await readTemplateDemoUsers(demoTemplateDir, await readTemplateManifest(demoTemplateDir));
      if (demoUsers !== undefined) demo = { password: demoUsers.password, logins: await workingDemoLogins(orm, demoUsers) };
    }
    return { url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`, orm, demo, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

// Until the app takes over: a plain problem document, as readiness checks and early browsers expect.
const answerStarting: RequestListener = (_request, response) => {
  response.writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': '2' });
  response.end(
    JSON.stringify({
      type: 'https://stagecraft.dev/problems/not-ready',
      title: 'Starting',
      status: 503,
      detail: 'Stagecraft is starting; try again in a few seconds.',
    }),
  );
};

function listen(server: Server, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.listen(port, host);
    server.once('listening', () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${port} is already in use: stop what runs there or set STAGECRAFT_PORT to a free port.`)
          : error,
      ),
    );
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
