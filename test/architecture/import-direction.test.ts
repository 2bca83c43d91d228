import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findImportViolations } from './check-import-direction.ts';

const checker = path.join(import.meta.dirname, 'check-import-direction.ts');
const repoRoot = path.join(import.meta.dirname, '../..');
const trees: string[] = [];

function plantTree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'stagecraft-imports-'));
  trees.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

function runChecker(root: string) {
  return spawnSync(process.execPath, [checker, root], { encoding: 'utf8' });
}

afterEach(() => {
  for (const root of trees.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('import direction', () => {
  it('fails, naming file, line and rule, when engine/ imports api/ or a database driver', () => {
    const root = plantTree({
      'engine/transition.ts': "import { x } from './machine.ts';\nimport { server } from '../api/server.ts';\nimport pg from 'pg';\n",
      'engine/machine.ts': 'export const x = 1;\n',
      'api/server.ts': 'export const server = 1;\n',
    });
    const result = runChecker(root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("engine/transition.ts:2 imports '../api/server.ts': engine/ may not import api/");
    expect(result.stderr).toContain("engine/transition.ts:3 imports 'pg'");
    expect(result.stderr).toContain('2 import(s) point the wrong way');
  });

  it('fails when a web app imports server code or a server package', () => {
    const root = plantTree({
      'workspace/queue-page.tsx': "import { claim } from '../api/claim.ts';\n",
      'designer/canvas.tsx': "const express = await import('express');\n",
      'api/claim.ts': 'export const claim = 1;\n',
    });
    const violations = findImportViolations(root);
    expect(violations.map((v) => [v.file, v.specifier])).toEqual([
      ['designer/canvas.tsx', 'express'],
      ['workspace/queue-page.tsx', '../api/claim.ts'],
    ]);
  });

  it('lets both web apps import ui-kit/, and ui-kit/ neither of them', () => {
    const root = plantTree({
      'workspace/main.tsx': "import { LanguageSwitch } from '../ui-kit/i18n/LanguageSwitch.tsx';\n",
      'designer/main.tsx': "import { useLoaded } from '../ui-kit/hooks/use-loaded.ts';\n",
      'ui-kit/i18n/LanguageSwitch.tsx': "import { t } from '../../workspace/i18n.ts';\nimport pg from 'pg';\n",
      'ui-kit/hooks/use-loaded.ts': 'export const useLoaded = 1;\n',
      'workspace/i18n.ts': 'export const t = 1;\n',
    });
    expect(findImportViolations(root).map((v) => [v.file, v.line, v.reason])).toEqual([
      ['ui-kit/i18n/LanguageSwitch.tsx', 1, 'ui-kit/ may not import workspace/'],
      ['ui-kit/i18n/LanguageSwitch.tsx', 2, 'ui-kit/ may not import server-side package pg'],
    ]);
  });

  it('lets adapters/ import engine/ types but not engine/ code', () => {
    const root = plantTree({
      'adapters/dialer.ts': "import type { Effect } from '../engine/effect.ts';\nimport { run } from '../engine/effect.ts';\n",
      'engine/effect.ts': 'export type Effect = {}; export const run = 1;\n',
    });
    expect(findImportViolations(root).map((v) => v.line)).toEqual([2]);
  });

  it('passes a tree whose imports follow the rooms table', () => {
    const root = plantTree({
      'engine/transition.ts': "import { setup } from 'xstate';\nimport { schema } from '../definitions/machine.schema.ts';\n",
      'definitions/machine.schema.ts': 'export const schema = {};\n',
      'api/handler.ts': "import express from 'express';\nimport { setup } from '../engine/transition.ts';\n",
    });
    const result = runChecker(root);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('every import points the right way');
  });

  it('finds no wrong import in this repository', () => {
    expect(findImportViolations(repoRoot)).toEqual([]);
  });
});
