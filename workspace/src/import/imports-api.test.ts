import { describe, expect, it } from 'vitest';
import { applyTemplate } from './imports-api.ts';

describe('applying a mapping template', () => {
  it('takes the template’s target for each header it names and leaves the other columns as they were', () => {
    const current = [
      { header: '客户名称', target: 'name' },
      { header: '手机', target: null },
      { header: '传真', target: 'phone' },
    ];
    const template = { id: 1, name: '展会', shared: false, mine: true, columns: [{ header: '手机', target: 'phone' }, { header: '传真', target: null }, { header: '地址', target: 'custom.address' }] };
    expect(applyTemplate(current, template)).toEqual([
      { header: '客户名称', target: 'name' },
      { header: '手机', target: 'phone' },
      { header: '传真', target: null },
    ]);
  });
});
