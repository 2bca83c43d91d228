import type { HttpProblem } from '../http/http-problem.ts';
import { duplicateCustomerUnnamed } from './customer-dedupe.ts';

/** The customer indexes that enforce "first entered wins" when two commands slip past each other's checks. */
export function customerUniqueViolation(constraint: string): HttpProblem | undefined {
  return constraint === 'customer_phone_live_unique' || constraint === 'customer_name_live_unique' ? duplicateCustomerUnnamed() : undefined;
}
