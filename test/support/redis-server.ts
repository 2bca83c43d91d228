import { spawn, type ChildProcess } from 'node:child_process';
import { redisAnswers } from './service-probe.ts';

/**
 * Starts a `redis-server` of our own on `port` (loopback, nothing saved to disk) and resolves once it answers PING.
 * The caller stops it: `child.kill()`.
 */
export async function startRedisServer(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const failed = new Promise<never>((_, reject) =>
    child.once('error', () =>
      reject(new Error('No Redis answers and redis-server is not installed: run `npm run test:deps` first.')),
    ),
  );
  const url = `redis://127.0.0.1:${port}`;
  const ready = (async () => {
    for (let attempt = 0; attempt < 100; attempt++) {
      if (await redisAnswers(url)) return child;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server did not answer on port ${port} within 5 s`);
  })();
  return Promise.race([ready, failed]);
}
