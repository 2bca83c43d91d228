import { describe, expect, it } from 'vitest';
import { isCurrent, pathOf, routeOf, type Route } from './routes.ts';

describe('workspace addresses', () => {
  it.each<[string, string, Route]>([
    ['/', '', { page: 'workLine' }],
    ['/queue', '', { page: 'queue' }],
    ['/customers/potential', '', { page: 'stage', stage: 'potential' }],
    ['/customers/potential/', '?due=overdue', { page: 'stage', stage: 'potential', due: 'overdue' }],
    ['/customers/target', '?due=someday', { page: 'stage', stage: 'target' }],
    ['/customers/42', '', { page: 'customer', id: 42 }],
    ['/customers/042', '', { page: 'notFound', path: '/customers/042' }],
    ['/pool', '', { page: 'pool' }],
    ['/leads', '', { page: 'leads' }],
    ['/new-customer', '', { page: 'newCustomer' }],
    ['/leads/12', '', { page: 'lead', id: 12 }],
    ['/leads/new', '', { page: 'notFound', path: '/leads/new' }],
    ['/contact-records', '', { page: 'contactRecords' }],
    ['/review', '', { page: 'review' }],
    ['/paused-customers', '', { page: 'pausedCustomers' }],
    ['/import', '', { page: 'import' }],
    ['/web-forms', '', { page: 'webForms' }],
    ['/web-forms/new', '', { page: 'newWebForm' }],
    ['/web-forms/5/', '', { page: 'webForm', id: 5 }],
    ['/web-forms/contact-us', '', { page: 'notFound', path: '/web-forms/contact-us' }],
    ['/customers/bad%20key', '', { page: 'notFound', path: '/customers/bad%20key' }],
    ['/settings', '', { page: 'notFound', path: '/settings' }],
  ])('%s%s shows %o', (pathname, search, route) => {
    expect(routeOf(pathname, search)).toEqual(route);
  });

  it('gives every page an address that leads back to it', () => {
    const routes: Route[] = [
      { page: 'workLine' },
      { page: 'queue' },
      { page: 'stage', stage: 'won' },
      { page: 'stage', stage: 'won', due: 'today' },
      { page: 'customer', id: 7 },
      { page: 'pool' },
      { page: 'leads' },
      { page: 'lead', id: 3 },
      { page: 'newCustomer' },
      { page: 'contactRecords' },
      { page: 'review' },
      { page: 'pausedCustomers' },
      { page: 'import' },
      { page: 'webForms' },
      { page: 'webForm', id: 9 },
      { page: 'newWebForm' },
    ];
    for (const route of routes) {
      const [pathname, query] = pathOf(route).split('?');
      expect(routeOf(pathname!, query === undefined ? '' : `?${query}`)).toEqual(route);
    }
  });

  it('marks a stage entry current on that stage page, filtered or not', () => {
    expect(isCurrent({ page: 'stage', stage: 'won' }, { page: 'stage', stage: 'won', due: 'today' })).toBe(true);
    expect(isCurrent({ page: 'stage', stage: 'won' }, { page: 'stage', stage: 'target' })).toBe(false);
    expect(isCurrent({ page: 'pool' }, { page: 'workLine' })).toBe(false);
  });
});
