import { describe, expect, it } from 'vitest';
import type { ProblemDocument } from '../../../ui-kit/api/api-failure.ts';
import { problemsByField, problemsOfFailure } from './field-problems.ts';

const validation = (errors: ProblemDocument['errors']): ProblemDocument => ({
  type: 'https://stagecraft.dev/problems/validation',
  title: 'Invalid request',
  status: 400,
  detail: '2 problem(s) in the request',
  errors,
});

describe('problems by field', () => {
  it('puts each entry by the field its JSON path names, nested paths included', () => {
    const result = problemsByField(
      validation([
        { path: '/login', message: 'must not be empty' },
        { path: '/address/city', message: 'unknown city' },
        { path: '/login', message: 'too long' },
      ]),
      ['login', 'address'],
    );
    expect(result).toEqual({ byField: { login: ['must not be empty', 'too long'], address: ['unknown city'] }, general: [] });
  });

  it('keeps entries for paths the form does not show as general messages', () => {
    const result = problemsByField(validation([{ path: '', message: 'must have required property login' }]), ['password']);
    expect(result).toEqual({ byField: {}, general: ['must have required property login'] });
  });

  it('does not take a field whose name only starts the same', () => {
    expect(problemsByField(validation([{ path: '/loginHint', message: 'x' }]), ['login']).byField).toEqual({});
  });

  it('shows the detail of a problem without entries by the field the form names, or as a general message', () => {
    const wrong: ProblemDocument = {
      type: 'https://stagecraft.dev/problems/invalid-credentials',
      title: 'Sign-in failed',
      status: 401,
      detail: 'The login or the password is wrong.',
    };
    expect(problemsByField(wrong, ['login', 'password'], 'password')).toEqual({
      byField: { password: ['The login or the password is wrong.'] },
      general: [],
    });
    expect(problemsByField(wrong, ['login', 'password'])).toEqual({ byField: {}, general: ['The login or the password is wrong.'] });
  });
});

describe('problems of a failed request', () => {
  const t = (key: string, values?: Record<string, unknown>) => `${key}${values === undefined ? '' : ` ${JSON.stringify(values)}`}`;

  it('sorts a problem onto the fields, and says in one general sentence what answered no problem', () => {
    const problem = validation([{ path: '/phone', message: 'Not a phone number.' }]);
    expect(problemsOfFailure({ kind: 'problem', problem }, ['name', 'phone'], t)).toEqual(problemsByField(problem, ['name', 'phone']));
    expect(problemsOfFailure({ kind: 'unreachable' }, ['name'], t)).toEqual({ byField: {}, general: ['errors.unreachable'] });
    expect(problemsOfFailure({ kind: 'unexpected', status: 502 }, ['name'], t)).toEqual({ byField: {}, general: ['errors.unexpected {"status":502}'] });
  });
});
