import { describe, expect, it } from 'vitest';
import type { Me } from '../api/me.ts';
import type { Person } from '../api/people.ts';
import { reassignCandidates } from './reassign-candidates.ts';

const people: Person[] = [
  { id: 1, displayName: 'Wang', teamId: 10, active: true },
  { id: 2, displayName: 'Li', teamId: 10, active: true },
  { id: 3, displayName: 'Zhang', teamId: 10, active: true },
  { id: 4, displayName: 'Gone', teamId: 10, active: false },
  { id: 5, displayName: 'Other team', teamId: 20, active: true },
  { id: 6, displayName: 'No team', teamId: null, active: true },
];
const role = (visibility: Me['role']['visibility']) => ({ visibility }) as Me['role'];
const collator = new Intl.Collator('en');
const names = (list: Person[]) => list.map((person) => person.displayName);

describe('whom a customer may be reassigned to', () => {
  it('offers a manager the active members of their team, without the present owner, by name', () => {
    expect(names(reassignCandidates(people, { team: { id: 10, name: 'East' }, role: role('team') }, 2, collator))).toEqual(['Wang', 'Zhang']);
  });

  it('offers a role that sees everyone every active person', () => {
    expect(names(reassignCandidates(people, { team: null, role: role('all') }, null, collator))).toEqual(['Li', 'No team', 'Other team', 'Wang', 'Zhang']);
  });

  it('offers nobody to a team-scoped role without a team', () => {
    expect(reassignCandidates(people, { team: null, role: role('team') }, null, collator)).toEqual([]);
  });
});
