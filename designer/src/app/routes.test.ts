import { describe, expect, it } from 'vitest';
import { pathOf, routeOf, signInAddress } from './routes.ts';

describe('designer addresses', () => {
  it('read back the page they were made from', () => {
    for (const route of [{ page: 'list' } as const, { page: 'definition', kind: 'machine', key: 'customer-lifecycle' } as const, { page: 'definition', kind: 'rule', key: 'a b/c' } as const]) {
      expect(routeOf(pathOf(route))).toEqual(route);
    }
  });

  it('show the list at /designer with or without its slash, and nothing for unknown kinds', () => {
    expect(routeOf('/designer')).toEqual({ page: 'list' });
    expect(routeOf('/designer/')).toEqual({ page: 'list' });
    expect(routeOf('/designer/role/admin')).toEqual({ page: 'notFound' });
  });

  it('send a signed-out admin to the workspace sign-in with the way back', () => {
    expect(signInAddress('/designer/machine/customer-lifecycle')).toBe('/?next=%2Fdesigner%2Fmachine%2Fcustomer-lifecycle');
  });
});
