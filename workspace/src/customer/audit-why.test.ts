import { describe, expect, it } from 'vitest';
import type { AuditWhy } from '../api/customers.ts';
import { translatorFor } from '../i18n/translate.ts';
import { auditActionInWords, auditWhyInWords, customerFieldName, type AuditWords } from './audit-why.ts';

const stages: Record<string, string> = { target: '目标客户', potential: '潜在客户' };
const industry = { key: 'industry', label: { en: 'Industry', 'zh-CN': '行业' } };
const words: AuditWords = {
  stage: (key) => stages[key] ?? key,
  field: (path) => customerFieldName(path, [industry], 'zh-CN', translatorFor('zh-CN')),
  event: (type, from) => (type === 'UPGRADE' && from === 'target' ? '客户上转' : type),
  locale: 'zh-CN',
  t: translatorFor('zh-CN'),
};
const say = (why: AuditWhy, with_ = words) => auditWhyInWords({ why }, with_);

describe('the audit trail’s why, in plain words', () => {
  it('names the event and the stages a transition moved between', () => {
    expect(say({ kind: 'trace', trace: { event: 'UPGRADE', from: 'target', to: 'potential' } })).toBe('客户上转：从 目标客户 到 潜在客户');
  });

  it('names the flags an event changed when the stage stayed', () => {
    const why: AuditWhy = {
      kind: 'trace',
      trace: { event: 'PAUSE_TRACKING', from: 'potential', to: 'potential', flagsBefore: { tracking: 'active' }, flagsAfter: { tracking: 'paused' } },
    };
    expect(say(why)).toBe('PAUSE_TRACKING：仍在 潜在客户 (tracking: active → paused)');
  });

  it('says which command changed it and quotes the person’s own words', () => {
    expect(say({ kind: 'reason', code: 'released', text: '没有需求' })).toBe('释放到公海：“没有需求”');
    expect(say({ kind: 'reason', code: 'edit', fields: ['phone', 'customFields.industry'] })).toBe('修改了 电话、行业');
  });

  it('keeps an unknown reason readable instead of dropping it', () => {
    expect(say({ kind: 'reason', code: 'merged' }, { ...words, locale: 'en', t: translatorFor('en') })).toBe('Changed (merged)');
  });

  it('says a customer created straight into a stage started there, whatever the flags it began with', () => {
    const why: AuditWhy = { kind: 'trace', trace: { event: 'stagecraft.startInStage', from: 'target', to: 'target', flagsAfter: { contacted: 'false' } } };
    expect(say(why)).toBe('以目标客户开始 (contacted: – → false)');
  });
});

describe('the audit trail’s kind of change', () => {
  it('names the actions the console knows and shows others as they are', () => {
    const t = translatorFor('zh-CN');
    expect(auditActionInWords({ entity: 'customer', action: 'reassign' }, t)).toBe('客户 · 重新分配');
    expect(auditActionInWords({ entity: 'contact_record', action: 'create' }, t)).toBe('联系记录 · 新建');
    expect(auditActionInWords({ entity: 'customer', action: 'remove-claim' }, translatorFor('en'))).toBe('Customer · Claim removed');
    expect(auditActionInWords({ entity: 'invoice', action: 'merge' }, t)).toBe('invoice · merge');
  });
});

describe('a changed field in the audit trail', () => {
  it('is named by its label: a column by the console, a custom field by its definition; an unknown one by its key', () => {
    const t = translatorFor('en');
    expect(customerFieldName('contractEndsOn', [industry], 'en', t)).toBe('Contract ends');
    expect(customerFieldName('customFields.industry', [industry], 'en', t)).toBe('Industry');
    expect(customerFieldName('customFields.retired', [industry], 'en', t)).toBe('retired');
    expect(customerFieldName('version', [industry], 'en', t)).toBe('version');
  });
});
