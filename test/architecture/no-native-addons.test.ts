import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const nodeModules = path.join(import.meta.dirname, '../../node_modules');

/** Every installed package folder, scoped ones included. */
function installedPackages(): string[] {
  return readdirSync(nodeModules).flatMap((entry) => {
    if (entry.startsWith('.')) return [];
    if (entry.startsWith('@')) return readdirSync(path.join(nodeModules, entry)).map((name) => path.join(entry, name));
    return [entry];
  });
}

const allowScripts: Record<string, boolean> = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '../../package.json'), 'utf8'),
).allowScripts;

describe('the dependency tree', () => {
  // Prebuilt binaries shipped inside registry packages are fine; compiling at install time is not (no compiler on
  // a user's machine, ABI breaks between Node versions). A package that would compile must be denied its script.
  it('compiles no native addon at install time: every package that would run node-gyp is denied its script', () => {
    const compiled = installedPackages().filter((name) => {
      if (allowScripts[name] === false) return false;
      const dir = path.join(nodeModules, name);
      if (existsSync(path.join(dir, 'binding.gyp'))) return true;
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        gypfile?: boolean;
        scripts?: Record<string, string>;
      };
      const scripts = Object.values(manifest.scripts ?? {}).join(' ');
      return manifest.gypfile === true || /node-gyp|prebuild-install|node-pre-gyp/.test(scripts);
    });
    expect(compiled).toEqual([]);
  });
});
