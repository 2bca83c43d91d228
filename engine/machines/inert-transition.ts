import { createActor, type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine, type EventObject, type ExecutableActionObject } from 'xstate';

const scopes = new WeakMap<AnyStateMachine, AnyActorScope>();

/**
 * XState's `transition(machine, snapshot, event)` (xstate 5.33, dist/xstate.cjs.js), with one inert actor scope per
 * machine instead of a new one per call: XState builds that scope by creating an actor, which computes the machine's
 * whole initial snapshot, and then throws it away — on the event path, the largest allocation of a request. The
 * scope executes nothing and our machines spawn nothing (definitions have no `invoke`; effects are collected as
 * data), so sharing it between calls changes nothing; each call collects its own actions.
 */
export function inertTransition(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: EventObject): [AnyMachineSnapshot, ExecutableActionObject[]] {
  let scope = scopes.get(machine);
  if (scope === undefined) {
    const self = createActor(machine);
    scope = {
      self,
      defer: () => {},
      id: '',
      logger: () => {},
      sessionId: '',
      stopChild: () => {},
      system: self.system,
      emit: () => {},
      actionExecutor: () => {},
    } as AnyActorScope;
    scopes.set(machine, scope);
  }
  const actions: ExecutableActionObject[] = [];
  scope.actionExecutor = (action) => actions.push(action);
  try {
    return [machine.transition(snapshot, event, scope), actions];
  } finally {
    scope.actionExecutor = () => {};
  }
}
