/**
 * The event a timer fires: exactly the type XState gives its own `after` event for a named delay
 * (`xstate.after.<delay>.<machine id>.<state key>`), so the compiled machine takes it without translation.
 * A test checks this against XState's state nodes.
 */
export function timerEventType(machineId: string, stateKey: string, delay: string): string {
  return `xstate.after.${delay}.${machineId}.${stateKey}`;
}
