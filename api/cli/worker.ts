import { ConfigError, loadConfig } from '../config/config.ts';
import { createLogger, redactUrls } from '../observability/logger.ts';
import { startWorkerProcess } from '../runtime/worker-process.ts';

// `npm run worker`: background work only (outbox dispatch), no HTTP. Run any number beside the API processes
// (STAGECRAFT_WORKERS=false there). SIGTERM drains: deliveries under way finish, then the process exits.
let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`Stagecraft worker cannot start: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

const logger = createLogger(config.logLevel);
try {
  const running = await startWorkerProcess(config, logger);
  console.log(`Stagecraft worker is running (pid ${process.pid})`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('worker draining', { signal });
    await running.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
} catch (error) {
  console.error(`Stagecraft worker cannot start: ${error instanceof Error ? redactUrls(error.message) : String(error)}`);
  process.exit(1);
}
