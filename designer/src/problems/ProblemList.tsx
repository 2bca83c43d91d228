import type { ApiFailure } from '../../../ui-kit/api/api-failure.ts';
import { failureMessage } from '../../../ui-kit/api/failure-message.ts';
import { problemMessage, type ProblemEntry } from './problem-entry.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/** Problems with their paths; a click on one shows the node, edge or field it names. */
export function ProblemList({ title, problems, onPick }: { title: string; problems: readonly ProblemEntry[]; onPick?(path: string): void }) {
  const { locale } = useI18n();
  return (
    <section className="problem-list" role="alert" aria-label={title}>
      <h2>{title}</h2>
      <ul>
        {problems.map((entry, index) => (
          <li key={`${entry.path}-${index}`}>
            {onPick ? (
              <button type="button" className="link" onClick={() => onPick(entry.path)}>
                <code>{entry.path || '/'}</code>
              </button>
            ) : (
              <code>{entry.path || '/'}</code>
            )}{' '}
            {problemMessage(entry, locale)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Why an API call failed: the API's problem and the places it names, or why nothing useful answered. */
export function FailureProblems({ failure }: { failure: ApiFailure }) {
  const { t } = useI18n();
  return <ProblemList title={failureMessage(failure, t)} problems={failure.kind === 'problem' ? (failure.problem.errors ?? []) : []} />;
}
