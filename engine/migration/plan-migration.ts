import { pointer, problem, type Problem } from '../validation/problem.ts';

/** Where records of a machine move when a new version is published: old state → new state. */
export type StateMap = Readonly<Record<string, string>>;

/** A record on an older version of the machine, as migration planning sees it. */
export interface MigratingRecord {
  id: number;
  state: string;
}

/** One record's move onto the new version; `from === to` for a record whose state stays. */
export interface PlannedMove {
  id: number;
  from: string;
  to: string;
}

/**
 * The state a record in `state` runs in on the new version: the state map's choice when it names the state (an
 * admin may merge existing states too), else the same state when the new version still has it; undefined when the
 * state disappears and the map says nothing.
 */
export function migratedState(state: string, stateMap: StateMap, newStates: ReadonlySet<string>): string | undefined {
  if (Object.hasOwn(stateMap, state)) return stateMap[state];
  return newStates.has(state) ? state : undefined;
}

/**
 * What the state map must say before publishing: every state records sit in (`occupiedStates`) that the new version
 * lacks needs an entry (`/stateMap/<state>`, `migration.stateUnmapped`), and every entry must name a state of the new
 * version (`migration.unknownTarget`). Paths point into the publish request's body.
 */
export function stateMapProblems(occupiedStates: Iterable<string>, stateMap: StateMap, newStates: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  for (const state of new Set(occupiedStates)) {
    if (newStates.has(state) || Object.hasOwn(stateMap, state)) continue;
    problems.push(
      problem(
        pointer('/stateMap', state),
        'migration.stateUnmapped',
        `Records are in the stage "${state}", which the new version does not have: say which stage they move to.`,
        `有记录处于新版本中不存在的阶段“${state}”：请指定它们要转入的阶段。`,
      ),
    );
  }
  for (const [from, to] of Object.entries(stateMap)) {
    if (newStates.has(to)) continue;
    problems.push(
      problem(
        pointer('/stateMap', from),
        'migration.unknownTarget',
        `The new version has no stage "${to}".`,
        `新版本中没有阶段“${to}”。`,
      ),
    );
  }
  return problems;
}

/**
 * Every record's move onto the new version (pure): each record gets exactly one move, in the order given. Records
 * whose state neither exists in the new version nor is mapped come back in `unmapped` instead — publishing refuses
 * such a map (stateMapProblems), so a job only meets them if the records changed in between.
 */
export function planMigration(
  records: readonly MigratingRecord[],
  stateMap: StateMap,
  newStates: ReadonlySet<string>,
): { moves: PlannedMove[]; unmapped: MigratingRecord[] } {
  const moves: PlannedMove[] = [];
  const unmapped: MigratingRecord[] = [];
  for (const record of records) {
    const to = migratedState(record.state, stateMap, newStates);
    if (to === undefined) unmapped.push(record);
    else moves.push({ id: record.id, from: record.state, to });
  }
  return { moves, unmapped };
}
