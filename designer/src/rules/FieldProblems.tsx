import type { ProblemEntry } from '../problems/problem-entry.ts';
import { problemMessage } from '../problems/problem-entry.ts';
import { isUnder } from '../problems/problem-locations.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/**
 * The draft's problems for one input, shown right beside it: those at `pointer`, or under it unless `exact` (a
 * fieldset whose inner inputs show their own). Nothing when there are none.
 */
export function FieldProblems({ problems, pointer, exact = false, id }: { problems: readonly ProblemEntry[]; pointer: string; exact?: boolean; id?: string }) {
  const { locale } = useI18n();
  const here = problems.filter((entry) => (exact ? entry.path === pointer : isUnder(entry.path, pointer)));
  if (here.length === 0) return null;
  return (
    <ul className="field-problems" id={id} data-path={pointer}>
      {here.map((entry, index) => (
        <li key={`${entry.path}-${index}`} role="alert">
          {problemMessage(entry, locale)}
        </li>
      ))}
    </ul>
  );
}

/** Whether any problem lies at (or, unless `exact`, under) `pointer`: the input's aria-invalid. */
export function hasProblem(problems: readonly ProblemEntry[], pointer: string, exact = false): true | undefined {
  return problems.some((entry) => (exact ? entry.path === pointer : isUnder(entry.path, pointer))) || undefined;
}
