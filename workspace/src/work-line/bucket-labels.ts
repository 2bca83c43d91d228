import type { WorkLineBucket } from '../api/work-queue.ts';
import type { MessageKey } from '../i18n/translate.ts';

/** The catalogue key naming each column of the work line. */
export const bucketLabels: Record<WorkLineBucket, MessageKey> = {
  today: 'workLine.bucket.today',
  tomorrow: 'workLine.bucket.tomorrow',
  thisWeek: 'workLine.bucket.thisWeek',
  contactedToday: 'workLine.bucket.contactedToday',
  overdue: 'workLine.bucket.overdue',
};
