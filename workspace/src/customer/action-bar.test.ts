import { describe, expect, it } from 'vitest';
import type { RecordAction } from '../api/customers.ts';
import { actionButtons, payloadNeed } from './action-bar.ts';

const text = (en: string, zh: string) => ({ en, 'zh-CN': zh });

const potentialActions: RecordAction[] = [
  { event: 'UPGRADE', label: text('Upgrade', '客户上转'), available: true, target: 'opportunity', targetLabel: text('Opportunity', '商机客户') },
  { event: 'DOWNGRADE', label: text('Downgrade', '客户下放'), available: true, target: 'target', targetLabel: text('Target', '目标客户') },
  {
    event: 'RESUME_TRACKING',
    label: text('Resume tracking', '恢复跟踪'),
    available: false,
    reason: { path: '/states/potential/on/RESUME_TRACKING', code: 'flagsMismatch', message: text('Tracking is not paused.', '跟踪未暂停。') },
  },
  { event: 'PAUSE_TRACKING', label: text('Pause tracking', '暂停跟踪'), available: true },
];

describe('the action bar from the definition', () => {
  it('has one button per action the API lists, in its order, in the interface language', () => {
    expect(actionButtons(potentialActions, 'zh-CN').map((button) => button.label)).toEqual(['客户上转', '客户下放', '恢复跟踪', '暂停跟踪']);
    expect(actionButtons(potentialActions, 'en').map((button) => button.event)).toEqual(['UPGRADE', 'DOWNGRADE', 'RESUME_TRACKING', 'PAUSE_TRACKING']);
  });

  it('disables an unavailable action and says why in the definition’s words', () => {
    const resume = actionButtons(potentialActions, 'en')[2]!;
    expect(resume).toEqual({ event: 'RESUME_TRACKING', label: 'Resume tracking', disabled: true, why: 'Tracking is not paused.' });
  });

  it('names the stage an action leads to, and none for one that stays', () => {
    const [upgrade, , , pause] = actionButtons(potentialActions, 'zh-CN');
    expect(upgrade!.leadsTo).toBe('商机客户');
    expect(pause!.leadsTo).toBeUndefined();
  });

  it('shows an event a changed machine adds, knowing nothing of it beforehand', () => {
    const added: RecordAction = { event: 'SEND_SAMPLE', label: text('Send a sample', '寄送样品'), available: true, target: 'sampling' };
    const buttons = actionButtons([...potentialActions, added], 'zh-CN');
    expect(buttons.at(-1)).toEqual({ event: 'SEND_SAMPLE', label: '寄送样品', leadsTo: 'sampling', disabled: false });
  });

  it('has no buttons when the stage offers nothing', () => {
    expect(actionButtons([], 'en')).toEqual([]);
  });
});

describe('what a refused event asks for', () => {
  const problem = {
    type: 'https://stagecraft.dev/problems/validation',
    title: 'Invalid request',
    status: 400,
    detail: 'The request body is not valid.',
  };

  it('names each payload field the problem points at, with the API’s words', () => {
    const errors = [
      { path: '/payload/reason', message: '必须填写原因' },
      { path: '/type', message: 'unknown event' },
      { path: '/payload/reason/text', message: 'nested' },
    ];
    expect(payloadNeed({ ...problem, errors })).toEqual([{ field: 'reason', message: '必须填写原因' }]);
  });

  it('asks for a payload when only its absence is named, and for nothing when the refusal is elsewhere', () => {
    expect(payloadNeed({ ...problem, errors: [{ path: '/payload', message: '缺少必填项“payload”。' }] })).toBe('payload');
    expect(payloadNeed({ ...problem, errors: [{ path: '/type', message: 'unknown event' }] })).toBeUndefined();
    expect(payloadNeed(problem)).toBeUndefined();
  });
});
