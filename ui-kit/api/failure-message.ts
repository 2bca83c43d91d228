import type { Translate } from '../i18n/translate.ts';
import type { ApiFailure } from './api-failure.ts';

/** The messages an app's catalogues need for `failureMessage`: `{status}` is the HTTP status in the second. */
export type FailureMessageKey = 'errors.unreachable' | 'errors.unexpected';

/** One sentence for a person: the API's own words when it gave a problem, the app's when nothing useful answered. */
export function failureMessage(failure: ApiFailure, t: Translate<FailureMessageKey>): string {
  switch (failure.kind) {
    case 'problem':
      return failure.problem.detail;
    case 'unreachable':
      return t('errors.unreachable');
    case 'unexpected':
      return t('errors.unexpected', { status: failure.status });
  }
}
