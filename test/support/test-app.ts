import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MikroORM } from '@mikro-orm/postgresql';
import { closeOrm } from '../../api/database/close-orm.ts';
import { migrateToLatest, openOrm } from '../../api/database/orm.ts';
import { createApp } from '../../api/http/create-app.ts';
import { createLogger, type Logger } from '../../api/observability/logger.ts';
import { createTestSchema, type TestSchema } from './test-schema.ts';

export interface TestApp {
  url: string;
  orm: MikroORM;
  schema: TestSchema;
  logLines: string[];
  close(): Promise<void>;
}

/** The real HTTP app on a random port over a migrated schema of its own; logs are kept for assertions. */
export async function startTestApp(label: string, options: { migrate?: boolean } = {}): Promise<TestApp> {
  const schema = await createTestSchema(label);
  const orm = await openOrm({ databaseUrl: schema.url, schema: schema.name, poolMax: 8 });
  if (options.migrate ?? true) await migrateToLatest(orm);
  return serveTestApp(schema, orm, () => schema.drop());
}

/**
 * A second app over the same schema with an ORM (pool, caches, listeners) of its own: another API process of the
 * same installation. Closing it leaves the schema to the first app.
 */
export async function startTestAppBeside(first: TestApp): Promise<TestApp> {
  const orm = await openOrm({ databaseUrl: first.schema.url, schema: first.schema.name, poolMax: 4 });
  return serveTestApp(first.schema, orm, async () => {});
}

async function serveTestApp(schema: TestSchema, orm: MikroORM, dropSchema: () => Promise<void>): Promise<TestApp> {
  const logLines: string[] = [];
  const logger: Logger = createLogger('debug', (line) => logLines.push(line));
  const server: Server = await new Promise((resolve) => {
    const listening = createApp({ orm, logger }).listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    orm,
    schema,
    logLines,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await closeOrm(orm);
      await dropSchema();
    },
  };
}
