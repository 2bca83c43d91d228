import type { LocalizedText } from '../../engine/validation/problem.ts';

/** How the team reached the customer. */
export const contactChannels = ['call', 'visit', 'email', 'sms', 'wechat'] as const;
export type ContactChannel = (typeof contactChannels)[number];

/**
 * What came of it. Call outcomes include what a predictive dialer detects (unallocated, wrong, busy, switched off),
 * so a dialled attempt and a hand-logged one read the same in reports.
 */
export const contactOutcomes = {
  connected: { en: 'Connected', 'zh-CN': '已接通' },
  interested: { en: 'Interested', 'zh-CN': '有意向' },
  notInterested: { en: 'Not interested', 'zh-CN': '无意向' },
  callbackRequested: { en: 'Asked to call back', 'zh-CN': '约定回访' },
  quoted: { en: 'Quote sent', 'zh-CN': '已报价' },
  noAnswer: { en: 'No answer', 'zh-CN': '无人接听' },
  busy: { en: 'Busy', 'zh-CN': '忙音' },
  poweredOff: { en: 'Phone switched off', 'zh-CN': '关机' },
  unallocated: { en: 'Number not in service', 'zh-CN': '空号' },
  wrongNumber: { en: 'Wrong number', 'zh-CN': '错号' },
  sent: { en: 'Sent', 'zh-CN': '已发送' },
  replied: { en: 'Replied', 'zh-CN': '已回复' },
  visited: { en: 'Visited', 'zh-CN': '已拜访' },
  other: { en: 'Other', 'zh-CN': '其他' },
} as const satisfies Record<string, LocalizedText>;

export type ContactOutcome = keyof typeof contactOutcomes;
export const contactOutcomeKeys = Object.keys(contactOutcomes) as ContactOutcome[];
