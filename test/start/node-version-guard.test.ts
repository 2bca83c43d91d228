import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const guard = path.join(import.meta.dirname, '../../scripts/require-node-24.mjs');

function runGuardAs(nodeVersion: string) {
  // The guard reads process.versions.node; pretending to be another Node is the only way to test it on Node 24.
  const script = `Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '${nodeVersion}' } });
    await import(${JSON.stringify(guard)});`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
}

describe('the Node 24 guard in front of npm start and npm test', () => {
  it('lets Node 24 through silently', () => {
    const result = runGuardAs('24.21.0');
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('stops Node 20 with one line that says how to fix the install', () => {
    const result = runGuardAs('20.20.2');
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'Stagecraft runs on Node 24 but this is Node 20.20.2. Run `npm install` (without --ignore-scripts) so the pinned `node` devDependency is installed, then use `npm start` / `npm test`.',
    );
  });
});
