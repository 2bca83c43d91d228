import type { MachineDefinition } from '../../definitions/machine.schema.ts';
import { systemRole } from '../../definitions/machine.schema.ts';
import type { LocalizedText, Problem } from '../validation/problem.ts';
import { checkTransition, type CompiledTransition } from './check-transition.ts';
import { compileMachine } from './compile-machine.ts';
import type { MachineSnapshot, TransitionContext } from './machine-snapshot.ts';
import type { TransitionCheck } from './transition-trace.ts';

/** One button the UI may show for the record's current stage. */
export interface AvailableTransition {
  event: string;
  /** The label of the transition the event would take now (or of its first candidate when none would). */
  label: LocalizedText;
  available: boolean;
  /** Where the event would lead; absent when it stays in the stage. */
  target?: string;
  targetLabel?: LocalizedText;
  /** JSON Pointer of that transition in the definition. */
  transition: string;
  /** Why the event is unavailable: the first refusal among its candidates. */
  reason?: Problem;
  /** Every candidate with each check's outcome, for a "why not?" view. */
  candidates: TransitionCheck[];
}

/** Transitions only the runtime takes (a linked opportunity started selling, an order was paid) are not buttons. */
function isSystemOnly(t: CompiledTransition): boolean {
  return t.roles !== undefined && t.roles.every((role) => role === systemRole);
}

/**
 * The events the actor could fire now in the record's stage, in definition order, each with whether it would be
 * accepted and why not. Uses the same checks as `transition`, so a button shown as available is one that works.
 */
export function availableTransitions(
  definition: MachineDefinition,
  snapshot: MachineSnapshot,
  context: TransitionContext,
): AvailableTransition[] {
  if (snapshot.status === 'done' || snapshot.machine !== definition.id || snapshot.version !== definition.version) {
    return [];
  }
  const stage = compileMachine(definition, context.catalogue).stages.get(snapshot.value);
  if (stage === undefined) return [];
  const actorIsSystem = context.actor.roles.includes(systemRole);
  const buttons: AvailableTransition[] = [];
  for (const [event, candidates] of stage.on) {
    if (!actorIsSystem && candidates.every(isSystemOnly)) continue;
    const checks = candidates.map((t) => checkTransition(t, snapshot.flags, context));
    const takenIndex = checks.findIndex((check) => check.allowed);
    const shown = (candidates[takenIndex === -1 ? 0 : takenIndex] as CompiledTransition);
    const button: AvailableTransition = {
      event,
      label: shown.label,
      available: takenIndex !== -1,
      transition: shown.pointer,
      candidates: checks,
    };
    if (shown.target !== undefined) {
      button.target = shown.target;
      const targetLabel = definition.states[shown.target]?.label;
      if (targetLabel !== undefined) button.targetLabel = targetLabel;
    }
    const reason = takenIndex === -1 ? checks.find((check) => check.refusal !== undefined)?.refusal : undefined;
    if (reason !== undefined) button.reason = reason;
    buttons.push(button);
  }
  return buttons;
}
