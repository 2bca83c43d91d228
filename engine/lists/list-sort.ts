import type { FactCatalogue, FactDefinition } from '../../definitions/fact-catalogue.schema.ts';
import { factByName } from '../conditions/catalogue-facts.ts';
import { pointer, problem, type Problem } from '../validation/problem.ts';

/** One level of a list's order: a catalogue fact, ascending or descending. Empty values always come last. */
export interface SortLevel {
  fact: string;
  direction: 'asc' | 'desc';
}

export const maxSortLevels = 4;

/**
 * A fact a list may be ordered by: a column, a custom field or days since a column. Related-row aggregates
 * (countToday, exists) are left out: they would run a sub-query per row in every ORDER BY and keyset comparison.
 */
export function isSortableFact(fact: FactDefinition): boolean {
  return fact.source.kind === 'column' || fact.source.kind === 'customField' || fact.source.kind === 'daysSince';
}

/**
 * Reads a sort as `stage,-nextFollowUpAt,name` (a leading `-` for descending) or as JSON
 * `[{ "fact": "stage", "direction": "desc" }]`, and checks it against the catalogue. Problems point at `path/<index>`.
 */
export function parseSort(raw: string, catalogue: FactCatalogue, path: string): { levels: SortLevel[]; problems: Problem[] } {
  const levels: SortLevel[] = [];
  const problems: Problem[] = [];
  const trimmed = raw.trim();
  if (trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      return { levels, problems: [problem(path, 'sort.malformed', 'The sort is not valid JSON.', '排序不是有效的 JSON。')] };
    }
    for (const [index, item] of (parsed as unknown[]).entries()) {
      const at = pointer(path, String(index));
      const level = item as Partial<SortLevel> | null;
      if (
        typeof level !== 'object' ||
        level === null ||
        typeof level.fact !== 'string' ||
        !(level.direction === undefined || level.direction === 'asc' || level.direction === 'desc')
      ) {
        problems.push(
          problem(at, 'sort.shape', 'Each level is { "fact": name, "direction": "asc" | "desc" }.', '每一级排序应为 { "fact": 名称, "direction": "asc" 或 "desc" }。'),
        );
        continue;
      }
      levels.push({ fact: level.fact, direction: level.direction ?? 'asc' });
    }
  } else {
    for (const part of trimmed.split(',')) {
      const name = part.trim();
      levels.push(name.startsWith('-') ? { fact: name.slice(1), direction: 'desc' } : { fact: name, direction: 'asc' });
    }
  }
  if (problems.length > 0) return { levels: [], problems };
  return { levels, problems: validateSort(levels, catalogue, path) };
}

/** The meaning checks: at most four levels, each a sortable catalogue fact named once. */
export function validateSort(levels: readonly SortLevel[], catalogue: FactCatalogue, path: string): Problem[] {
  const problems: Problem[] = [];
  if (levels.length > maxSortLevels) {
    problems.push(
      problem(path, 'sort.tooManyLevels', `Sort by at most ${maxSortLevels} fields.`, `最多按 ${maxSortLevels} 个字段排序。`),
    );
  }
  const seen = new Set<string>();
  for (const [index, level] of levels.entries()) {
    const at = pointer(path, String(index));
    const fact = factByName(catalogue, level.fact);
    if (fact === undefined) {
      problems.push(
        problem(at, 'sort.unknownFact', `There is no field "${level.fact}" to sort by.`, `没有可用于排序的字段“${level.fact}”。`),
      );
    } else if (!isSortableFact(fact)) {
      problems.push(
        problem(at, 'sort.notSortable', `"${fact.label.en}" cannot be sorted by.`, `“${fact.label['zh-CN']}”不能用于排序。`),
      );
    } else if (seen.has(level.fact)) {
      problems.push(
        problem(at, 'sort.repeated', `"${fact.label.en}" is named twice.`, `“${fact.label['zh-CN']}”重复出现。`),
      );
    }
    seen.add(level.fact);
  }
  return problems;
}

/** The sort in its short text form, `stage,-name`: how a cursor remembers which order it belongs to. */
export function sortText(levels: readonly SortLevel[]): string {
  return levels.map((level) => (level.direction === 'desc' ? `-${level.fact}` : level.fact)).join(',');
}
