import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { TestSchema } from '../../support/test-schema.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const node = path.join(root, 'node_modules/.bin/node');
const recordingWorker = path.join(root, 'test/runtime/support/recording-worker.ts');

export interface WorkerProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

/**
 * Starts the recording worker (api/cli/worker.ts plus the recording topic) as a real process against the test's
 * schema and resolves once it says it is running.
 */
export function spawnRecordingWorker(schema: TestSchema, env: Record<string, string>, timeoutMs = 20_000): Promise<WorkerProcess> {
  const child = spawn(node, [recordingWorker], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: schema.url,
      STAGECRAFT_DB_SCHEMA: schema.name,
      STAGECRAFT_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the worker did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = () => {
      if (!output.includes('Stagecraft worker is running')) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve({ child, output: () => output, exited });
    };
    child.stdout!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the worker exited with code ${code} before it ran:\n${output}`));
    });
  });
}
