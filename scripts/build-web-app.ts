// Builds the workspace (the reps' and managers' web console) into workspace/dist with Vite.
//   node scripts/build-web-app.ts             always builds (`npm run build:web`)
//   node scripts/build-web-app.ts --if-stale  builds only when dist is missing or was built from other sources
//                                             (`npm start` and the browser tests run this)
// "Other sources" is a hash of the workspace's inputs and the lockfile, kept in dist/.source-hash; a hash, not file
// times, because a checkout or a copy can leave old outputs looking newer than the sources they no longer match.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const workspaceDir = path.join(root, 'workspace');
const distDir = path.join(workspaceDir, 'dist');
const stampFile = path.join(distDir, '.source-hash');
// Two test workers (or two `npm start`s) may ask at once; the second waits for the first build instead of racing it.
const lockDir = path.join(root, 'node_modules', '.cache', 'stagecraft-web-build.lock');
const staleLockMs = 5 * 60_000;

export type BuildOutcome = 'built' | 'fresh' | 'no-vite';

/** A hash of everything the built files depend on: the workspace's sources (tests aside) and the lockfile. */
export async function workspaceSourceHash(): Promise<string> {
  const files = [
    path.join(workspaceDir, 'index.html'),
    path.join(workspaceDir, 'vite.config.ts'),
    path.join(root, 'package-lock.json'),
    ...(await listFiles(path.join(workspaceDir, 'src'))).filter((file) => !/\.test\.tsx?$/.test(file)),
    ...(await listFiles(path.join(workspaceDir, 'public'))),
  ].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(path.relative(root, file)).update('\0');
    hash.update(await readFile(file)).update('\0');
  }
  return hash.digest('hex');
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

async function builtHash(): Promise<string | undefined> {
  return readFile(stampFile, 'utf8').catch(() => undefined);
}

/** Builds workspace/dist, unless `ifStale` and it already matches its sources. */
export async function buildWebApp({ ifStale }: { ifStale: boolean }): Promise<BuildOutcome> {
  if (ifStale && (await builtHash()) === (await workspaceSourceHash())) return 'fresh';
  return withBuildLock(async () => {
    const sourceHash = await workspaceSourceHash();
    if (ifStale && (await builtHash()) === sourceHash) return 'fresh';
    let vite: typeof import('vite');
    try {
      vite = await import('vite');
    } catch {
      return 'no-vite';
    }
    const started = performance.now();
    await vite.build({ root: workspaceDir, configFile: path.join(workspaceDir, 'vite.config.ts'), logLevel: 'warn' });
    await writeFile(stampFile, sourceHash);
    console.log(`workspace: built into workspace/dist in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return 'built';
  });
}

async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  await mkdir(path.dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      await mkdir(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const since = await stat(lockDir).then((s) => Date.now() - s.mtimeMs, () => 0);
      // A build that died without unlocking leaves the folder behind; no real build takes minutes.
      if (since > staleLockMs) await rm(lockDir, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const ifStale = process.argv.includes('--if-stale');
  try {
    const outcome = await buildWebApp({ ifStale });
    if (outcome === 'no-vite') {
      const message =
        'workspace: Vite is not installed (an install without dev dependencies?), so workspace/dist was not built; ' +
        'the API works, the web console needs `npm install` and `npm run build:web`.';
      // `npm start` still starts the API; an explicit `npm run build:web` has failed.
      console.error(message);
      process.exit(ifStale ? 0 : 1);
    }
  } catch (error) {
    console.error(`workspace: the build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
