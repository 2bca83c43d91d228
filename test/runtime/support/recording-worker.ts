import { loadConfig } from '../../../api/config/config.ts';
import { createLogger } from '../../../api/observability/logger.ts';
import { outboxHandlers } from '../../../api/outbox/outbox-handlers.ts';
import { startWorkerProcess } from '../../../api/runtime/worker-process.ts';
import { recordedTopic, recordingHandler } from './recording-handler.ts';

// `npm run worker` with one more topic: the recording adapter of the fault tests. Same start, same SIGTERM drain.
const config = loadConfig();
const logger = createLogger(config.logLevel);
const running = await startWorkerProcess(config, logger, {
  ...outboxHandlers,
  [recordedTopic]: recordingHandler({ file: process.env.RECORDING_FILE, delayMs: Number(process.env.RECORDING_DELAY_MS ?? 0) }),
});
console.log(`Stagecraft worker is running (pid ${process.pid})`);
process.once('SIGTERM', () => {
  void running.stop().then(() => process.exit(0));
});
