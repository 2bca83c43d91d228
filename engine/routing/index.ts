export { decideRouting } from './decide-routing.ts';
export {
  emptyRoutingState,
  type LoadMeasure,
  type RoutingCandidate,
  type RoutingDecision,
  type RoutingRequest,
  type RoutingState,
  type RoutingStep,
  type WorkingHours,
} from './routing-input.ts';
export { withinWorkingHours } from './working-hours.ts';
