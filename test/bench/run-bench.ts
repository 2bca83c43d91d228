import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { serverNodeFlags } from '../support/server-node-flags.ts';

/**
 * `npm run bench [-- NAME ...]`: runs every `*.bench.ts` in `test/bench/NAME/` (all folders when no name is given),
 * each in its own Node process so one benchmark's heap and JIT state never colour another's. Each benchmark prints
 * JSON lines to stdout (see bench-line.ts); they pass through unchanged. Each runs under the Node flags `npm start`
 * gives the server (package.json `config.serverNodeFlags`), so what is measured is the server as it runs.
 */
const benchRoot = path.dirname(new URL(import.meta.url).pathname);
const available = readdirSync(benchRoot).filter(
  (entry) => statSync(path.join(benchRoot, entry)).isDirectory() && entry !== 'support',
);
const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(', ')}. Available: ${available.join(', ')}.`);
  process.exit(2);
}

let failed = false;
for (const name of requested.length > 0 ? requested : available) {
  const files = readdirSync(path.join(benchRoot, name))
    .filter((file) => file.endsWith('.bench.ts'))
    .sort();
  for (const file of files) {
    const result = spawnSync(process.execPath, [...serverNodeFlags(), path.join(benchRoot, name, file)], { stdio: 'inherit' });
    if (result.status !== 0) {
      console.error(`Benchmark ${name}/${file} failed with exit code ${result.status}.`);
      failed = true;
    }
  }
}
process.exit(failed ? 1 : 0);
