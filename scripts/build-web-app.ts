// Builds the web apps with Vite: the workspace (reps' and managers' console) into workspace/dist and the designer
// (admins' studio) into designer/dist.
//   node scripts/build-web-app.ts             always builds both (`npm run build:web`)
//   node scripts/build-web-app.ts --if-stale  builds only an app whose dist is missing or was built from other sources
//                                             (`npm start` and the browser tests run this)
// "Other sources" is a hash of the app's inputs and the lockfile, kept in its dist/.source-hash; a hash, not file
// times, because a checkout or a copy can leave old outputs looking newer than the sources they no longer match.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
// Two test workers (or two `npm start`s) may ask at once; the second waits for the first build instead of racing it.
const lockDir = path.join(root, 'node_modules', '.cache', 'stagecraft-web-build.lock');
const staleLockMs = 5 * 60_000;

export const webApps = ['workspace', 'designer'] as const;
export type WebApp = (typeof webApps)[number];

/**
 * Folders outside the app whose files end up in its bundle: both apps import the shared UI kit, the designer also
 * the engine's pure parts and the definitions' schemas, so a change there must rebuild them too.
 */
const sharedSources: Record<WebApp, readonly string[]> = {
  workspace: ['ui-kit'],
  designer: ['ui-kit', 'engine', 'definitions'],
};

export type BuildOutcome = 'built' | 'fresh' | 'no-vite';

const appDir = (app: WebApp) => path.join(root, app);
const stampFile = (app: WebApp) => path.join(appDir(app), 'dist', '.source-hash');

/** A hash of everything an app's built files depend on: its sources (tests aside), what it imports, the lockfile. */
export async function webAppSourceHash(app: WebApp): Promise<string> {
  const dir = appDir(app);
  const sourceFolders = [path.join(dir, 'src'), path.join(dir, 'public'), ...sharedSources[app].map((room) => path.join(root, room))];
  const files = [
    path.join(dir, 'index.html'),
    path.join(dir, 'vite.config.ts'),
    path.join(root, 'package-lock.json'),
    ...(await Promise.all(sourceFolders.map(listFiles))).flat().filter((file) => !/\.test\.tsx?$/.test(file)),
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

async function builtHash(app: WebApp): Promise<string | undefined> {
  return readFile(stampFile(app), 'utf8').catch(() => undefined);
}

/** Builds `app`/dist, unless `ifStale` and it already matches its sources. */
export async function buildWebApp(app: WebApp, { ifStale }: { ifStale: boolean }): Promise<BuildOutcome> {
  if (ifStale && (await builtHash(app)) === (await webAppSourceHash(app))) return 'fresh';
  return withBuildLock(async () => {
    const sourceHash = await webAppSourceHash(app);
    if (ifStale && (await builtHash(app)) === sourceHash) return 'fresh';
    let vite: typeof import('vite');
    try {
      vite = await import('vite');
    } catch {
      return 'no-vite';
    }
    const started = performance.now();
    await vite.build({ root: appDir(app), configFile: path.join(appDir(app), 'vite.config.ts'), logLevel: 'warn' });
    await writeFile(stampFile(app), sourceHash);
    console.log(`${app}: built into ${app}/dist in ${((performance.now() - started) / 1000).toFixed(1)} s`);
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
  // Vite builds React's development bundle when NODE_ENV says so, and the test runner (which spawns this script)
  // sets NODE_ENV=test: the served apps are production builds whoever asks for them.
  process.env.NODE_ENV = 'production';
  const ifStale = process.argv.includes('--if-stale');
  for (const app of webApps) {
    try {
      const outcome = await buildWebApp(app, { ifStale });
      if (outcome === 'no-vite') {
        const message =
          'web apps: Vite is not installed (an install without dev dependencies?), so workspace/dist and designer/dist ' +
          'were not built; the API works, the web apps need `npm install` and `npm run build:web`.';
        // `npm start` still starts the API; an explicit `npm run build:web` has failed.
        console.error(message);
        process.exit(ifStale ? 0 : 1);
      }
    } catch (error) {
      console.error(`${app}: the build failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  }
}
