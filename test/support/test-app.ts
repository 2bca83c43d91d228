import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MikroORM } from '@mikro-orm/postgresql';
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
      await orm.close();
      await schema.drop();
    },
  };
}
