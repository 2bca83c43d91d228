import { describe, expect, it } from 'vitest';
import type { SavedView } from '../api/saved-views.ts';
import { mayShareViews, viewChoices } from './saved-view-choices.ts';

const view = (id: number, mine: boolean): SavedView => ({
  id, entity: 'customer', ownerId: mine ? 1 : 2, name: { en: `v${id}`, 'zh-CN': `视图${id}` }, columns: [], filter: null, sort: [], sharedWithRoles: [], mine, version: 1,
});
const permissions = { mayEditShared: false, mayExport: false, mayManageDefinitions: false, mayReassign: false, mayManageUsers: false, mayImport: false };

describe('saved view choices', () => {
  it('puts one’s own views apart from those shared with one, in the order the API gave', () => {
    const { mine, shared } = viewChoices([view(1, true), view(2, false), view(3, true)]);
    expect(mine.map((one) => one.id)).toEqual([1, 3]);
    expect(shared.map((one) => one.id)).toEqual([2]);
  });

  it('offers sharing to managers and administrators, not to reps', () => {
    expect(mayShareViews(permissions)).toBe(false);
    expect(mayShareViews({ ...permissions, mayExport: true, mayImport: true })).toBe(false);
    expect(mayShareViews({ ...permissions, mayReassign: true })).toBe(true);
    expect(mayShareViews({ ...permissions, mayManageUsers: true })).toBe(true);
  });
});
