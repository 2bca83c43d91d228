import type { EntityName } from '../../definitions/entity.schema.ts';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import { queuePolicySchema, type QueuePolicy, type QueueSection } from '../../definitions/queue-policy.schema.ts';
import { factByName } from '../conditions/catalogue-facts.ts';
import { validateCondition } from '../conditions/validate-condition.ts';
import { pointer, problem, type Problem } from '../validation/problem.ts';
import { mergeDelegatedProblems, type DelegatedPart } from '../validation/delegated-problems.ts';
import { compileSchemaCheck, schemaProblems } from '../validation/schema-validator.ts';

const checkQueuePolicy = compileSchemaCheck(queuePolicySchema);

export interface QueuePolicyValidationContext {
  /** The fact catalogue of each entity the sections may name. */
  catalogues: Partial<Record<EntityName, FactCatalogue>>;
  path?: string;
}

const dateTypes = new Set(['date', 'datetime']);

function unknownFact(path: string, fact: string, entity: string): Problem {
  return problem(
    path,
    'policy.unknownFact',
    `"${fact}" is not a fact of ${entity} records.`,
    `“${fact}”不是${entity}记录的事实字段。`,
  );
}

/** Section conditions go to validateCondition with the catalogue of the section's entity, when it has one. */
function sectionConditions(
  policy: unknown,
  base: string,
  catalogues: QueuePolicyValidationContext['catalogues'],
): DelegatedPart[] {
  const sections = (policy as { sections?: unknown } | null)?.sections;
  if (!Array.isArray(sections)) return [];
  return sections.flatMap((section: { entity?: unknown; condition?: unknown } | null, index) => {
    const catalogue = catalogues[section?.entity as EntityName];
    if (catalogue === undefined) return [];
    return [{
      path: pointer(base, 'sections', index, 'condition'),
      value: section?.condition,
      validate: (value: unknown, path: string) => validateCondition(value, catalogue, path),
    }];
  });
}

function sectionProblems(
  section: QueueSection,
  policy: QueuePolicy,
  catalogue: FactCatalogue,
  path: string,
): Problem[] {
  const problems: Problem[] = [];
  const dueFact = section.dueFact ?? policy.dueFact;
  const duePath = pointer(path, 'dueFact');
  const due = factByName(catalogue, dueFact);
  if (due === undefined) problems.push(unknownFact(duePath, dueFact, section.entity));
  else if (!dateTypes.has(due.type)) {
    problems.push(
      problem(
        duePath,
        'policy.dueFactNotDate',
        `"${dueFact}" is not a date, so it cannot place items in today / tomorrow / this week.`,
        `“${dueFact}”不是日期，无法把事项归入今天、明天、本周等时段。`,
      ),
    );
  }
  const seen = new Set<string>();
  section.orderBy.forEach((ordering, index) => {
    const at = pointer(path, 'orderBy', index, 'fact');
    if (factByName(catalogue, ordering.fact) === undefined) {
      problems.push(unknownFact(at, ordering.fact, section.entity));
    } else if (seen.has(ordering.fact)) {
      problems.push(
        problem(
          at,
          'policy.duplicateOrdering',
          `"${ordering.fact}" is already ordered by.`,
          `已经按“${ordering.fact}”排序。`,
        ),
      );
    }
    seen.add(ordering.fact);
  });
  return problems;
}

/**
 * Checks a queue policy: its shape, then each section's condition, due-date fact and ordering against the fact
 * catalogue of the section's entity, and that section ids are unique.
 */
export function validateQueuePolicy(policy: unknown, context: QueuePolicyValidationContext): Problem[] {
  const base = context.path ?? '';
  const checked = mergeDelegatedProblems(
    schemaProblems(checkQueuePolicy, policy, base),
    sectionConditions(policy, base, context.catalogues),
  );
  if (checked.length > 0) return checked;
  const valid = policy as QueuePolicy;
  const ids = new Set<string>();
  return valid.sections.flatMap((section, index) => {
    const path = pointer(base, 'sections', index);
    const problems: Problem[] = [];
    if (ids.has(section.id)) {
      problems.push(
        problem(
          pointer(path, 'id'),
          'policy.duplicateId',
          `Another section is already called "${section.id}".`,
          `已有名为“${section.id}”的分区。`,
        ),
      );
    }
    ids.add(section.id);
    const catalogue = context.catalogues[section.entity];
    if (catalogue === undefined) {
      return [
        ...problems,
        problem(
          pointer(path, 'entity'),
          'policy.noCatalogue',
          `There is no fact catalogue for ${section.entity} records.`,
          `没有${section.entity}记录的事实目录。`,
        ),
      ];
    }
    return [...problems, ...sectionProblems(section, valid, catalogue, path)];
  });
}
