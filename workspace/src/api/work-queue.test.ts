import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../ui-kit/api/api-client.ts';
import { ApiError } from '../../../ui-kit/api/api-failure.ts';
import { defaultStageKeys, fetchWorkQueueSummary, stagesOfQueueBody } from './work-queue.ts';

const failingWith = (failure: ApiError['failure']): ApiClient => ({
  get: async () => {
    throw new ApiError(failure);
  },
  post: async () => undefined as never,
  put: async () => undefined as never,
  patch: async () => undefined as never,
  delete: async () => undefined,
});

describe('the work queue summary', () => {
  it('reads stages with their labels, colours and counts in the order the API sends them', () => {
    const body = {
      stages: [
        { key: 'won', label: { en: 'Won', 'zh-CN': '成交' }, color: '#16a34a', counts: { today: 2, overdue: 1 } },
        { key: 'reserve', counts: { thisWeek: 7 } },
      ],
    };
    expect(stagesOfQueueBody(body)).toEqual([
      { key: 'won', label: { en: 'Won', 'zh-CN': '成交' }, color: '#16a34a', counts: { today: 2, overdue: 1 } },
      { key: 'reserve', counts: { thisWeek: 7 } },
    ]);
  });

  it('drops what does not have the expected shape instead of showing it', () => {
    const body = {
      stages: [
        { key: '', counts: {} },
        'reserve',
        { key: 'target', label: { en: 'only English' }, counts: { today: -1, tomorrow: 1.5, thisWeek: '3', overdue: 4, later: 9 } },
      ],
    };
    expect(stagesOfQueueBody(body)).toEqual([{ key: 'target', counts: { overdue: 4 } }]);
  });

  it('falls back to the default five stages when the API does not serve the queue yet', async () => {
    const summary = await fetchWorkQueueSummary(
      failingWith({
        kind: 'problem',
        problem: { type: 'https://stagecraft.dev/problems/not-found', title: 'Not found', status: 404, detail: 'No route' },
      }),
    );
    expect(summary.available).toBe(false);
    expect(summary.stages.map((stage) => stage.key)).toEqual([...defaultStageKeys]);
  });

  it('passes any other failure on', async () => {
    await expect(fetchWorkQueueSummary(failingWith({ kind: 'unreachable' }))).rejects.toBeInstanceOf(ApiError);
  });
});
