import type { ApiClient } from '../../../ui-kit/api/api-client.ts';

/** One thing to do in the generated queue (api/work-queue/work-queue-view.schema.ts, queueItemViewSchema). */
export interface QueueItem {
  position: string;
  section: string;
  entity: string;
  id: number;
  taskKind?: string;
  due: { bucket: string; at?: string | null };
  customer: {
    id: number;
    name?: string;
    phone?: string | null;
    stage: string;
    ownership: string;
    doNotCall?: boolean | string;
    callCount?: number | string;
    lastContactAt?: string | null;
    nextFollowUpAt?: string | null;
  };
  record?: { id: number; title: string; stage: string; amount?: number | string | null };
}

/** GET /api/me/queue/next: the item after `position` (the first without), null at the end of the queue. */
export async function fetchNextQueueItem(api: ApiClient, after?: string): Promise<QueueItem | null> {
  const query = after === undefined ? '' : `?after=${encodeURIComponent(after)}`;
  return (await api.get<{ item: QueueItem | null }>(`/api/me/queue/next${query}`)).item;
}
