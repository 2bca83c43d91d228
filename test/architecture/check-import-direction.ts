import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { packageMatches, roomRules } from './import-rules.ts';

export interface ImportViolation {
  file: string;
  line: number;
  specifier: string;
  reason: string;
}

const sourceFile = /\.(ts|tsx|mts|js|mjs|jsx)$/;
// Static imports and re-exports (`import x from`, `import type x from`, `export * from`, bare `import 'x'`) and
// dynamic `import('x')`: a regular expression is enough because our sources use only these forms.
const importPattern =
  /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** Every import in the rooms under `root` that points the wrong way. */
export function findImportViolations(root: string): ImportViolation[] {
  const violations: ImportViolation[] = [];
  for (const room of Object.keys(roomRules)) {
    const roomDir = path.join(root, room);
    for (const file of listSourceFiles(roomDir)) violations.push(...checkFile(root, room, file));
  }
  return violations;
}

function listSourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) return [];
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return listSourceFiles(full);
    return sourceFile.test(entry) && !entry.endsWith('.d.ts') ? [full] : [];
  });
}

function checkFile(root: string, room: string, file: string): ImportViolation[] {
  const rule = roomRules[room]!;
  const text = readFileSync(file, 'utf8');
  const violations: ImportViolation[] = [];
  for (const match of text.matchAll(importPattern)) {
    const typeOnly = Boolean(match[1]);
    const specifier = (match[2] ?? match[3])!;
    const keywordAt = match.index + match[0].search(/import|export/);
    const line = text.slice(0, keywordAt).split('\n').length;
    const at = { file: path.relative(root, file), line, specifier };
    if (specifier.startsWith('.')) {
      const target = path.relative(root, path.resolve(path.dirname(file), specifier)).split(path.sep)[0]!;
      if (target === room) continue;
      const allowed = rule.rooms.includes(target) || (typeOnly && (rule.typeOnlyRooms ?? []).includes(target));
      if (!allowed) violations.push({ ...at, reason: `${room}/ may not import ${target}/` });
      continue;
    }
    if (typeOnly) continue;
    const packages = rule.packages;
    if ('allow' in packages && !packages.allow.some((p) => packageMatches(specifier, p))) {
      violations.push({ ...at, reason: `${room}/ may import only ${packages.allow.join(', ')}` });
    } else if ('deny' in packages && packages.deny.some((p) => packageMatches(specifier, p))) {
      violations.push({ ...at, reason: `${room}/ may not import server-side package ${specifier}` });
    }
  }
  return violations;
}

if (import.meta.main) {
  const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '../..'));
  const violations = findImportViolations(root);
  for (const v of violations) console.error(`${v.file}:${v.line} imports '${v.specifier}': ${v.reason}`);
  if (violations.length > 0) {
    console.error(`${violations.length} import(s) point the wrong way; see the rooms table in docs/architecture.md.`);
    process.exit(1);
  }
  console.log('Import direction: every import points the right way.');
}
