import type { Person } from '../api/people.ts';
import type { Translate } from '../i18n/translate.ts';

export type PeopleById = ReadonlyMap<number, Person>;

export const peopleById = (people: readonly Person[]): PeopleById => new Map(people.map((person) => [person.id, person]));

/**
 * Who a record names, in words: nobody (null) is the system, the signed-in person is "you", anyone else by name,
 * marked when they have left. An id the directory does not know yet (it is read once per session; someone may be
 * added later) or a directory that failed to load falls back to the id, so a record is never hidden for want of a name.
 */
export function personName(id: number | null, context: { meId: number; people: PeopleById | undefined; t: Translate }): string {
  const { meId, people, t } = context;
  if (id === null) return t('person.system');
  if (id === meId) return t('person.you');
  const person = people?.get(id);
  if (person === undefined) return t('person.user', { id });
  return person.active ? person.displayName : t('person.former', { name: person.displayName });
}
