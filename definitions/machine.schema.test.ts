import { describe, expect, it } from 'vitest';
import type { AutomaticTransition, EventTransition } from './machine.schema.ts';

describe('the machine definition types', () => {
  it('derives transition types that know guards and effects', () => {
    const manual: EventTransition = { target: 'a', roles: ['rep'], requiredFields: ['phone'] };
    const timed: AutomaticTransition = { target: 'a', guard: { not: { fact: 'x', operator: 'isEmpty' } } };
    // @ts-expect-error roles belong to event transitions only
    const timedWithRoles: AutomaticTransition = { target: 'a', roles: ['rep'] };
    // @ts-expect-error a flag value outside the stage-flag vocabulary
    const badFlag: EventTransition = { actions: [{ type: 'setFlags', params: { flags: { tracking: 'sleeping' } } }] };
    // @ts-expect-error a guard is a condition
    const badGuard: EventTransition = { guard: { fact: 7 } };
    expect([manual, timed, timedWithRoles, badFlag, badGuard]).toHaveLength(5);
  });
});
