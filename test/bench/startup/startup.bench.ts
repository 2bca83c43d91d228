import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { printBenchLine } from '../support/bench-line.ts';
import { freePort } from '../../support/service-probe.ts';
import { spawnStagecraft } from '../../support/stagecraft-process.ts';

/**
 * Time from launching `npm start`'s script to the first 200 from /readyz on the embedded default: a first start
 * (initdb, migrations, demo template) and a warm restart on the same folder. The baseline, measured side by side, is
 * a bare Node process that prints and exits: what any start costs before Stagecraft does anything.
 */
async function timeToReady(env: Record<string, string>): Promise<{ ms: number; stop: () => Promise<unknown> }> {
  const started = performance.now();
  const running = await spawnStagecraft(env, 60_000);
  for (;;) {
    const response = await fetch(`${running.url}/readyz`).catch(() => undefined);
    if (response?.status === 200) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  return { ms: performance.now() - started, stop: running.stop };
}

async function bareNodeMs(): Promise<number> {
  const { spawnSync } = await import('node:child_process');
  const started = performance.now();
  spawnSync(process.execPath, ['-e', 'console.log("ready")']);
  return performance.now() - started;
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'stagecraft-bench-startup-'));
try {
  const env = {
    STAGECRAFT_DATA: dataDir,
    STAGECRAFT_PORT: String(await freePort()),
    STAGECRAFT_EMBEDDED_PG_PORT: String(await freePort()),
    DATABASE_URL: '',
    REDIS_URL: '',
  };
  const first = await timeToReady(env);
  await first.stop();
  const warmRuns: number[] = [];
  for (let run = 0; run < 3; run++) {
    const warm = await timeToReady(env);
    warmRuns.push(warm.ms);
    await warm.stop();
  }
  const warmMs = Math.min(...warmRuns);
  const baselineMs = await bareNodeMs();
  printBenchLine('startup', {
    firstStartMs: first.ms,
    warmStartMs: warmMs,
    bareNodeMs: baselineMs,
    ratio: warmMs / baselineMs,
    goalMs: 10_000,
    meetsGoal: warmMs < 10_000,
  });
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
