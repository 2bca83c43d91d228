import type { EntityManager } from '@mikro-orm/postgresql';
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import { leadConversionSchema } from '../../definitions/lead-conversion.schema.ts';
import { validateTemplateDefinitions, type TemplateDefinition } from '../../engine/templates/validate-template-definitions.ts';
import { pointer, problem, type Problem } from '../../engine/validation/problem.ts';
import { compileSchemaCheck, schemaProblems } from '../../engine/validation/schema-validator.ts';
import { boundQuery } from '../database/bound-query.ts';
import { validationFailed } from '../http/http-problem.ts';
import { keyPropertyOf, type DesignerKind } from './definition-kinds.ts';

const checkLeadConversion = compileSchemaCheck(leadConversionSchema);

/**
 * Everything publishing `document` as the next version of `kind`/`key` would refuse, with JSON Pointers into the
 * document: the kind's schema and the engine's semantic checks, against the definitions published now (the entity's
 * fact catalogue with its machine's states, its custom fields, the roles) — the template installer's checks, run on
 * the published bundle with this document in its place, so the designer, import and publish cannot disagree. A
 * published definition that passes those checks now and would fail them with this document in place (a rule naming
 * a stage this machine removes) is named too, at the document's root (`definition.breaksDependent`): change it first.
 */
export async function definitionProblems(em: EntityManager, kind: DesignerKind, key: string, document: unknown): Promise<Problem[]> {
  const problems = kind === 'leadConversion' ? schemaProblems(checkLeadConversion, document, '') : await bundleProblems(em, kind, key, document);
  const keyProperty = keyPropertyOf(kind);
  const named = (document as Record<string, unknown> | null)?.[keyProperty];
  if (typeof document === 'object' && document !== null && typeof named === 'string' && named !== key) {
    problems.push(
      problem(
        pointer('', keyProperty),
        'definition.keyMismatch',
        `Must be "${key}", the key of the definition being edited.`,
        `必须为正在编辑的定义的键“${key}”。`,
      ),
    );
  }
  return problems;
}

type BundleEntry = TemplateDefinition & { document: unknown };

const breaksDependent = 'definition.breaksDependent';

async function bundleProblems(em: EntityManager, kind: Exclude<DesignerKind, 'leadConversion'>, key: string, document: unknown): Promise<Problem[]> {
  const published = await boundQuery<BundleEntry>(
    em,
    `select distinct on (kind, key) kind, key, document from definition_version
     where kind in ('machine', 'rule', 'factCatalogue', 'fieldDefinitions', 'queuePolicy', 'routingPolicy')
     order by kind, key, version desc`,
  );
  const roles = await boundQuery<{ key: string }>(em, 'select key from role order by key');
  const isCandidate = (entry: BundleEntry) => entry.kind === kind && entry.key === key;
  // An entity whose catalogue was never published runs on the built-in one (published-definitions.ts does the same).
  const catalogued = new Set(published.flatMap((row) => (row.kind === 'factCatalogue' ? [row.key] : [])));
  if (kind === 'factCatalogue') catalogued.add(key);
  const context: BundleEntry[] = [
    ...Object.entries(defaultFactCatalogues)
      .filter(([entity]) => !catalogued.has(entity))
      .map(([entity, catalogue]) => ({ kind: 'factCatalogue' as const, key: entity, document: catalogue })),
    ...published.filter((entry) => !isCandidate(entry)),
    ...roles.map((role) => ({ kind: 'role' as const, key: role.key, document: { key: role.key } })),
  ];
  const current = published.find(isCandidate);
  const after = located([{ kind, key, document }, ...context]);
  const before = new Set(located(current === undefined ? context : [current, ...context]).map(({ entry, found }) => `${entry.kind}:${entry.key}:${found.path}:${found.code}`));
  return after.flatMap(({ entry, found }) => {
    if (entry.kind === kind && entry.key === key) return [found];
    // Another published definition that was fine and would fail with this one in place (a rule naming a removed stage).
    if (entry.kind === 'role' || before.has(`${entry.kind}:${entry.key}:${found.path}:${found.code}`)) return [];
    return [
      problem(
        '',
        breaksDependent,
        `Publishing this would break the ${entry.kind} "${entry.key}" at ${found.path || '/'}: ${found.message.en} Change that one first.`,
        `发布后，${entry.kind}“${entry.key}”的 ${found.path || '/'} 将失效：${found.message['zh-CN']} 请先修改它。`,
      ),
    ];
  });
}

/** The installer's checks on a bundle, each problem with the definition it is in and its path inside that document. */
function located(bundle: readonly BundleEntry[]): Array<{ entry: BundleEntry; found: Problem }> {
  return validateTemplateDefinitions(bundle).map((found) => {
    const [, , index, , ...rest] = found.path.split('/');
    const inside = rest.length === 0 ? '' : `/${rest.join('/')}`;
    return { entry: bundle[Number(index)]!, found: { ...found, path: inside } };
  });
}

/**
 * Throws the 400 naming each problem under `documentPath` (the body's `/document`) unless the document may be
 * published. A preview (impact, simulation) passes `ignoreDependents`: what the document would break elsewhere does
 * not stop it from being run on the records.
 */
export async function assertValidDefinition(
  em: EntityManager,
  kind: DesignerKind,
  key: string,
  document: unknown,
  options: { documentPath?: string; ignoreDependents?: boolean } = {},
): Promise<void> {
  const documentPath = options.documentPath ?? '/document';
  const problems = (await definitionProblems(em, kind, key, document)).filter((found) => !(options.ignoreDependents && found.code === breaksDependent));
  if (problems.length > 0) throw validationFailed(problems.map((found) => ({ ...found, path: `${documentPath}${found.path}` })));
}
