import type { MachineDefinition } from '../../../definitions/machine.schema.ts';
import { machineGraphProblems } from '../../../engine/machines/validate-machine-graph.ts';
import type { ProblemEntry } from './problem-entry.ts';

/** Checks the designer runs in the page on every edit: pure, no schema compiled (the page's CSP forbids eval). */
export type LocalChecks = (document: unknown) => readonly ProblemEntry[];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The engine's graph checks of a machine (dangling targets, undeclared events, unreachable or colliding stages,
 * final stages that leave, `always` loops, zero timers). They assume the structure the schema checks, so a document
 * too broken for them (typed as JSON, say) gets none here: the server's problems name what is wrong with it.
 */
export const machineGraphChecks: LocalChecks = (document) => {
  if (!isObject(document) || typeof document.initial !== 'string' || !isObject(document.events) || !isObject(document.states)) return [];
  if (!Object.values(document.states).every(isObject)) return [];
  return machineGraphProblems(document as unknown as MachineDefinition);
};

const sameProblem = (a: ProblemEntry, b: ProblemEntry) => a.path === b.path && a.code === b.code;

/**
 * The problems to show while editing: the server's, answered for the saved document, with the local checks' part of
 * them replaced by the same checks on the document being edited — so a dangling edge shows (and a fixed one goes) at
 * once, and the server's full list follows when the draft is saved.
 */
export function liveProblems(server: readonly ProblemEntry[], localOfSaved: readonly ProblemEntry[], localOfPresent: readonly ProblemEntry[]): readonly ProblemEntry[] {
  if (localOfSaved.length === 0 && localOfPresent.length === 0) return server;
  const serverOnly = server.filter((entry) => !localOfSaved.some((local) => sameProblem(local, entry)));
  return [...localOfPresent, ...serverOnly];
}
