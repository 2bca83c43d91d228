import type { ReactNode } from 'react';
import type { PlacedProblems } from './web-form-problems.ts';

/**
 * Ties the editor's inputs to the problems placed on them: each input's id comes from its JSON path, so a label, its
 * input and the message beside it agree, and an input with a problem is marked invalid and described by it.
 */
export interface InputProblems {
  idOf(path: string): string;
  /** id, aria-invalid and aria-describedby for the input standing for `path`. */
  inputProps(path: string): { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined };
  /** The messages beside that input, or nothing. */
  errorOf(path: string): ReactNode;
}

export function inputProblems(baseId: string, placed: PlacedProblems): InputProblems {
  const idOf = (path: string) => `${baseId}${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
  const messages = (path: string) => placed.byPath.get(path);
  return {
    idOf,
    inputProps(path) {
      const invalid = messages(path) !== undefined;
      return { id: idOf(path), 'aria-invalid': invalid, 'aria-describedby': invalid ? `${idOf(path)}-error` : undefined };
    },
    errorOf(path) {
      const found = messages(path);
      return (
        found !== undefined && (
          <p className="field-error" id={`${idOf(path)}-error`} role="alert" data-path={path}>
            {found.join(' ')}
          </p>
        )
      );
    },
  };
}
