import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../../../ui-kit/api/api-client.ts';
import { isApiFailure, type ApiFailure } from '../../../ui-kit/api/api-failure.ts';
import { defaultStages, fetchWorkQueueSummary, type WorkQueueSummary } from '../api/work-queue.ts';

export type WorkQueueState =
  | { status: 'loading'; summary: WorkQueueSummary }
  | { status: 'ready'; summary: WorkQueueSummary }
  | { status: 'failed'; summary: WorkQueueSummary; failure: ApiFailure };

const placeholder = (): WorkQueueSummary => ({ available: false, stages: defaultStages() });

/** The signed-in person's queue summary, loaded once per visit of the shell; `reload` asks again. */
export function useWorkQueue(api: ApiClient): { queue: WorkQueueState; reload(): void } {
  const [queue, setQueue] = useState<WorkQueueState>(() => ({ status: 'loading', summary: placeholder() }));
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    fetchWorkQueueSummary(api).then(
      (summary) => current && setQueue({ status: 'ready', summary }),
      (error: unknown) => {
        if (!current) return;
        if (!isApiFailure(error)) throw error;
        setQueue({ status: 'failed', summary: placeholder(), failure: error.failure });
      },
    );
    return () => {
      current = false;
    };
  }, [api, attempt]);

  const reload = useCallback(() => {
    setQueue((previous) => ({ status: 'loading', summary: previous.summary }));
    setAttempt((n) => n + 1);
  }, []);
  return { queue, reload };
}
