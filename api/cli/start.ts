import { ConfigError, loadConfig } from '../config/config.ts';
import { createLogger, redactUrls } from '../observability/logger.ts';
import { startStagecraft } from '../server/start-stagecraft.ts';

// `npm start`: the whole CRM in one process. stdout carries what a person reads; logs go to stderr.
let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`Stagecraft cannot start: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

const logger = createLogger(config.logLevel);
try {
  const running = await startStagecraft(config, logger);
  const lines = [
    `Stagecraft is running at ${running.url}`,
    config.databaseUrl ? 'Database: DATABASE_URL' : `Database: embedded PostgreSQL, data in ${config.dataDir}`,
  ];
  if (running.demo !== undefined && running.demo.logins.length > 0) {
    lines.push(`Demo logins (password: ${running.demo.password}):`);
    for (const { login, displayName, role } of running.demo.logins) lines.push(`  ${login.padEnd(16)} ${role.padEnd(10)} ${displayName}`);
  }
  // One write, so a reader of the pipe sees the URL and what follows it together.
  console.log(lines.join('\n'));
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    await running.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
} catch (error) {
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${redactUrls(error.cause.message)})` : '';
  console.error(`Stagecraft cannot start: ${error instanceof Error ? redactUrls(error.message) : String(error)}${cause}`);
  process.exit(1);
}
