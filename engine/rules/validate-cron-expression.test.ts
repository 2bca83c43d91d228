import { describe, expect, it } from 'vitest';
import { validateCronExpression } from './validate-cron-expression.ts';

describe('cron expressions', () => {
  it.each(['0 2 * * *', '*/15 8-20 * * 1-5', '0 9,14 1 */2 0', '30 23 31 12 7'])('accepts %s', (cron) => {
    expect(validateCronExpression(cron, '/cron')).toEqual([]);
  });

  it.each([
    ['0 2 * *', 'rule.cronFieldCount'],
    ['0 2 * * * *', 'rule.cronFieldCount'],
    ['60 2 * * *', 'rule.cronField'],
    ['0 2 0 * *', 'rule.cronField'],
    ['0 2 * 13 *', 'rule.cronField'],
    ['0 5-2 * * *', 'rule.cronField'],
    ['*/0 * * * *', 'rule.cronField'],
    ['0 2 * JAN MON', 'rule.cronField'],
  ])('refuses %s', (cron, code) => {
    expect(validateCronExpression(cron, '/cron')[0]).toEqual(expect.objectContaining({ path: '/cron', code }));
  });
});
