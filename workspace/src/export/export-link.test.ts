import { describe, expect, it } from 'vitest';
import { exportHref } from './export-link.ts';

describe('export link', () => {
  it('keeps the list’s filter, sort and parameters and drops its page', () => {
    const search = new URLSearchParams({ stage: 'potential', limit: '50', filter: '{"fact":"name","operator":"isEmpty"}', sort: '-name', cursor: 'abc' });
    const href = exportHref('customers', search);
    const exported = new URL(href, 'http://localhost');
    expect(exported.pathname).toBe('/api/customers/export');
    expect(Object.fromEntries(exported.searchParams)).toEqual({ stage: 'potential', filter: '{"fact":"name","operator":"isEmpty"}', sort: '-name' });
  });

  it('asks for the whole list when the list asks for nothing but a page', () => {
    expect(exportHref('leads', new URLSearchParams({ limit: '50' }))).toBe('/api/leads/export');
  });
});
