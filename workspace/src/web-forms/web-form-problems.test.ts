import { describe, expect, it } from 'vitest';
import type { ProblemDocument } from '../../../ui-kit/api/api-failure.ts';
import { placeProblems, webFormInputPaths } from './web-form-problems.ts';

const validation = (errors: ProblemDocument['errors']): ProblemDocument => ({
  type: 'https://stagecraft.dev/problems/validation',
  title: 'Invalid request',
  status: 400,
  detail: 'The request has problems.',
  ...(errors === undefined ? {} : { errors }),
});

const draft = { fields: [{ type: 'text' }, { type: 'select' }, { type: 'phone' }] };
const inputs = webFormInputPaths(draft, true);

describe('web form problems beside their inputs', () => {
  it('puts an entry beside the input its path names, or the nearest input that contains it', () => {
    const placed = placeProblems(
      validation([
        { path: '/document/fields/2/key', message: 'unknown field' },
        { path: '/document/fields/1/options/0/value', message: 'too long' },
        { path: '/allowedOrigins/1', message: 'not an origin' },
        { path: '/document/fields', message: 'ask for the name' },
        { path: '/document/fields/0/required', message: 'name must be required' },
      ]),
      inputs,
    );
    expect(Object.fromEntries(placed.byPath)).toEqual({
      '/document/fields/2/key': ['unknown field'],
      '/document/fields/1/options': ['too long'],
      '/allowedOrigins': ['not an origin'],
      '/document/fields': ['ask for the name'],
      '/document/fields/0/required': ['name must be required'],
    });
    expect(placed.general).toEqual([]);
  });

  it('puts a missing object beside its first input, and what no input stands for among the general messages', () => {
    const placed = placeProblems(
      validation([
        { path: '/document/title', message: 'title is required' },
        { path: '/document/honeypotField', message: 'clashes' },
      ]),
      inputs,
    );
    expect(Object.fromEntries(placed.byPath)).toEqual({ '/document/title/en': ['title is required'] });
    expect(placed.general).toEqual(['clashes']);
  });

  it('shows the detail of a problem that names no path', () => {
    expect(placeProblems(validation(undefined), inputs)).toEqual({ byPath: new Map(), general: ['The request has problems.'] });
  });

  it('offers the key only while creating and the options only of a select field', () => {
    expect(inputs).toContain('/key');
    expect(webFormInputPaths(draft, false)).not.toContain('/key');
    expect(inputs.filter((path) => path.endsWith('/options'))).toEqual(['/document/fields/1/options']);
  });
});
