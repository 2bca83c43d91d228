import { spawn } from 'node:child_process';
import path from 'node:path';

const buildScript = path.resolve(import.meta.dirname, '../../scripts/build-web-app.ts');

/**
 * Builds workspace/dist and designer/dist when missing or older than their sources — the very command `npm start`
 * runs — so the browser tests always drive the code under test. Fresh: ~0.1 s. Concurrent callers wait on the script's lock.
 */
export function ensureWebAppBuilt(): Promise<void> {
  const child = spawn(process.execPath, [buildScript, '--if-stale'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0 && !output.includes('Vite is not installed')) resolve();
      else reject(new Error(`Building the web apps failed (exit ${code}):\n${output}`));
    });
  });
}
