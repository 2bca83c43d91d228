import type { Condition } from '../../../definitions/condition.schema.ts';
import type { StageFlags } from '../../../definitions/effect-catalogue.schema.ts';
import { systemRole, type MachineDefinition } from '../../../definitions/machine.schema.ts';
import { durationToMs } from '../duration-to-ms.ts';
import { transitionsOf, type LocatedTransition } from '../machine-parts.ts';
import type { MachineEvent, MachineSnapshot, TransitionContext } from '../machine-snapshot.ts';
import { timerEventType } from '../timer-event.ts';
import { initialSnapshot, transition, type TransitionResult } from '../transition.ts';
import { factsSatisfying } from './facts-satisfying-condition.ts';
import { contextFor, mondayMorning } from './machine-test-context.ts';

export interface WalkStep {
  from: MachineSnapshot;
  transition: LocatedTransition;
  event: MachineEvent;
  context: TransitionContext;
  result: TransitionResult;
}

export interface MachineWalk {
  /** Every configuration (stage and flags) reached from the initial snapshot. */
  configurations: MachineSnapshot[];
  steps: WalkStep[];
  /** Pointers of transitions that were never taken from any reachable configuration. */
  neverTaken: string[];
}

const configurationKey = (s: MachineSnapshot) => `${s.value} ${JSON.stringify(s.flags)}`;

function flagsAllow(t: LocatedTransition, flags: StageFlags): boolean {
  const current = flags as Record<string, unknown>;
  return Object.entries(t.transition.whenFlags ?? {}).every(([flag, value]) => current[flag] === value);
}

/** A role allowed to take the transition: one the transition names and that holds its stage permission. */
function actorRoles(definition: MachineDefinition, t: LocatedTransition): string[] {
  const permission = t.event?.permission;
  const holders = Object.entries(definition.states[t.source]?.permissions ?? {})
    .filter(([, granted]) => permission === undefined || granted.includes(permission))
    .map(([role]) => role);
  const named = t.event?.roles ?? [...holders, systemRole];
  const role = named.find((r) => r === systemRole || permission === undefined || holders.includes(r));
  return [role ?? systemRole];
}

/** Facts on which the earlier candidates of the same trigger fail and this one's guard and required fields hold. */
function factsFor(t: LocatedTransition, all: LocatedTransition[], context: TransitionContext) {
  const earlier = all
    .slice(0, all.indexOf(t))
    .filter((other) => other.source === t.source && other.kind === t.kind && other.trigger === t.trigger);
  const wanted: Array<{ condition: Condition; holds: boolean }> = earlier.flatMap((other) =>
    other.transition.guard === undefined ? [] : [{ condition: other.transition.guard, holds: false }],
  );
  if (t.transition.guard !== undefined) wanted.push({ condition: t.transition.guard, holds: true });
  const row = factsSatisfying(wanted, context.catalogue, context.now);
  const columns = new Set(
    context.catalogue.facts.flatMap((f) => (f.source.kind === 'column' ? [f.source.column] : [])),
  );
  for (const field of t.event?.requiredFields ?? []) {
    if (columns.has(field)) row[field] ??= 'filled';
    else row.custom_fields[field] ??= 'filled';
  }
  return row;
}

function fire(
  definition: MachineDefinition,
  from: MachineSnapshot,
  t: LocatedTransition,
  all: LocatedTransition[],
): WalkStep {
  const delayMs = t.kind === 'after' ? (durationToMs(t.trigger) ?? 0) : 0;
  const now = new Date(Date.parse(from.enteredAt) + delayMs);
  const base = contextFor(definition, { roles: actorRoles(definition, t), now });
  const context = { ...base, facts: factsFor(t, all, base) };
  const event = { type: t.kind === 'after' ? timerEventType(definition.id, t.source, t.trigger) : t.trigger };
  return { from, transition: t, event, context, result: transition(definition, from, event, context) };
}

/**
 * Walks a machine breadth-first: from every reachable configuration it fires every transition whose flags allow it,
 * as an actor allowed to take it and with facts that satisfy its guard (timers fire when due). `always`
 * transitions are taken by the machine itself on the way. A definition whose every transition appears in some step
 * and is taken there has no dead paths.
 */
export function walkMachine(definition: MachineDefinition): MachineWalk {
  const all = transitionsOf(definition);
  const start = initialSnapshot(definition, contextFor(definition, { now: mondayMorning })).snapshot;
  const seen = new Map([[configurationKey(start), start]]);
  const queue = [start];
  const steps: WalkStep[] = [];
  const taken = new Set<string>();
  for (let from = queue.shift(); from !== undefined; from = queue.shift()) {
    for (const t of all) {
      const fireable = t.source === from.value && t.kind !== 'always' && from.status !== 'done';
      if (!fireable || !flagsAllow(t, from.flags)) continue;
      const step = fire(definition, from, t, all);
      steps.push(step);
      if (!step.result.ok) continue;
      for (const pointer of step.result.trace.taken) taken.add(pointer);
      const key = configurationKey(step.result.snapshot);
      if (!seen.has(key)) {
        seen.set(key, step.result.snapshot);
        queue.push(step.result.snapshot);
      }
    }
  }
  return {
    configurations: [...seen.values()],
    steps,
    neverTaken: all.map((t) => t.path).filter((path) => !taken.has(path)),
  };
}
