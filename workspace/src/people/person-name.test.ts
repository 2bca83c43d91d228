import { describe, expect, it } from 'vitest';
import { translatorFor } from '../i18n/translate.ts';
import { peopleById, personName } from './person-name.ts';

const people = peopleById([
  { id: 1, displayName: '王经理', teamId: 10, active: true },
  { id: 2, displayName: '李娜', teamId: 10, active: true },
  { id: 3, displayName: '赵前同事', teamId: 10, active: false },
]);
const zh = { meId: 2, people, t: translatorFor('zh-CN') };

describe('a person named in a record', () => {
  it('is named by the directory, the signed-in person as you, and nobody as the system', () => {
    expect(personName(1, zh)).toBe('王经理');
    expect(personName(2, zh)).toBe('您');
    expect(personName(null, zh)).toBe('系统');
    expect(personName(null, { ...zh, t: translatorFor('en') })).toBe('The system');
  });

  it('marks someone who has left, in the interface language', () => {
    expect(personName(3, zh)).toBe('赵前同事（已离职）');
    expect(personName(3, { ...zh, t: translatorFor('en') })).toBe('赵前同事 (left)');
  });

  it('falls back to the id for someone the directory does not know, or before it has loaded', () => {
    expect(personName(99, zh)).toBe('用户 #99');
    expect(personName(1, { ...zh, people: undefined })).toBe('用户 #1');
  });
});
