import type { CommandContext } from '../commands/command-context.ts';

/**
 * Records on the customer's trail that an ownership effect was not carried out because someone changed its owners
 * after the effect was decided: the newer decision stands, and the trail says why nothing moved (code
 * `<effect>Skipped`, the message's idempotency key as the source).
 */
export function skipOwnershipEffect(
  context: CommandContext,
  customerId: number,
  effect: 'releaseToPool' | 'assignOwner',
  idempotencyKey: string,
): void {
  context.audit({
    entity: 'customer',
    recordId: customerId,
    customerId,
    action: 'effect-skipped',
    before: null,
    after: null,
    why: { kind: 'reason', code: `${effect}Skipped`, source: idempotencyKey },
  });
}
