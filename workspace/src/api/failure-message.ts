import type { Translate } from '../i18n/translate.ts';
import type { ApiFailure } from './api-failure.ts';

/** One sentence for a person: the API's own words when it gave a problem, ours when nothing useful answered. */
export function failureMessage(failure: ApiFailure, t: Translate): string {
  switch (failure.kind) {
    case 'problem':
      return failure.problem.detail;
    case 'unreachable':
      return t('errors.unreachable');
    case 'unexpected':
      return t('errors.unexpected', { status: failure.status });
  }
}
