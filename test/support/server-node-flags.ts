import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The Node flags `npm start` and `npm run worker` give the server (package.json `config.serverNodeFlags`), for
 * whatever runs the server in a process of its own in tests and benchmarks, so that it runs as it does in production.
 */
export function serverNodeFlags(): string[] {
  const packageJson = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../package.json'), 'utf8')) as { config: { serverNodeFlags: string } };
  return packageJson.config.serverNodeFlags.split(/\s+/).filter((flag) => flag !== '');
}
