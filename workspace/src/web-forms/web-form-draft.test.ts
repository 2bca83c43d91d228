import { describe, expect, it } from 'vitest';
import type { WebForm } from '../api/web-forms.ts';
import { draftOfWebForm, knownLeadFields, movedField, newFieldDraft, newWebFormDraft, webFormSettingsOf, withChosenKey } from './web-form-draft.ts';

const both = (text: string) => ({ en: text, 'zh-CN': text });

function savedForm(overrides: Partial<WebForm> = {}): WebForm {
  return {
    id: 3,
    key: 'contact-us',
    document: {
      title: { en: 'Contact us', 'zh-CN': '联系我们' },
      thankYou: { en: 'Thanks', 'zh-CN': '谢谢' },
      fields: [
        { key: 'name', label: { en: 'Name', 'zh-CN': '姓名' }, type: 'text', required: true, maxLength: 60 },
        {
          key: 'region',
          label: { en: 'Province', 'zh-CN': '省份' },
          type: 'select',
          required: false,
          options: [{ value: '浙江', label: { en: 'Zhejiang', 'zh-CN': '浙江' } }],
        },
      ],
      honeypotField: 'homepage',
      rateLimit: { submissions: 9, windowSeconds: 60 },
    },
    campaignId: 7,
    routingPolicy: 'form-routing',
    allowedOrigins: ['https://a.example.com', 'https://b.example.com'],
    active: false,
    hostedUrl: '/forms/contact-us',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    version: 2,
    ...overrides,
  };
}

describe('the web form draft', () => {
  it('gives back the settings a saved form was loaded with, honeypot and rate limit included', () => {
    const form = savedForm();
    const { id, key, hostedUrl, createdAt, updatedAt, version, ...settings } = form;
    expect(webFormSettingsOf(draftOfWebForm(form))).toEqual(settings);
  });

  it('starts a new form with the required name and leaves blank texts and no campaign out', () => {
    const settings = webFormSettingsOf({ ...newWebFormDraft(both('Name'), 'lead-routing'), title: { en: ' Hi ', 'zh-CN': '你好' } });
    expect(settings).toEqual({
      document: { title: { en: 'Hi', 'zh-CN': '你好' }, fields: [{ key: 'name', label: both('Name'), type: 'text', required: true }] },
      campaignId: null,
      routingPolicy: 'lead-routing',
      allowedOrigins: [],
      active: true,
    });
  });

  it('reads select options one per line, a bare value labelling itself, and sends none for other types', () => {
    const field = newFieldDraft({ key: 'region', type: 'select', options: '浙江 | Zhejiang | 浙江\n\n  上海  \nJS | Jiangsu' });
    const draft = { ...newWebFormDraft(both('Name'), ''), fields: [field, { ...field, uid: 99, type: 'text' as const }] };
    const [select, text] = webFormSettingsOf(draft).document.fields;
    expect(select!.options).toEqual([
      { value: '浙江', label: { en: 'Zhejiang', 'zh-CN': '浙江' } },
      { value: '上海', label: both('上海') },
      { value: 'JS', label: both('Jiangsu') },
    ]);
    expect(text!.options).toBeUndefined();
  });

  it('reads allowed origins one per line and a campaign by id', () => {
    const draft = { ...newWebFormDraft(both('Name'), ''), allowedOrigins: ' https://a.example.com \n\nhttps://b.example.com', campaignId: '12' };
    expect(webFormSettingsOf(draft)).toMatchObject({ allowedOrigins: ['https://a.example.com', 'https://b.example.com'], campaignId: 12 });
    expect(webFormSettingsOf(draft)).not.toHaveProperty('routingPolicy');
  });

  it('moves a field up or down and leaves the list as it is at either end', () => {
    const fields = ['a', 'b', 'c'].map((key) => newFieldDraft({ key }));
    expect(movedField(fields, 2, -1).map((field) => field.key)).toEqual(['a', 'c', 'b']);
    expect(movedField(fields, 0, 1).map((field) => field.key)).toEqual(['b', 'a', 'c']);
    expect(movedField(fields, 0, -1).map((field) => field.key)).toEqual(['a', 'b', 'c']);
    expect(movedField(fields, 2, 1).map((field) => field.key)).toEqual(['a', 'b', 'c']);
  });

  it('fills blank labels, the type and a dropdown’s options when a known field is chosen, and only the key otherwise', () => {
    const known = knownLeadFields((key) => both(key.toUpperCase()), [
      { key: 'budget', type: 'number', label: both('预算') },
      { key: 'industry', type: 'dropdown', label: both('行业'), options: [{ value: 'it', label: { en: 'IT', 'zh-CN': '信息技术' } }] },
    ]);
    const blank = newFieldDraft();
    expect(withChosenKey(blank, 'phone', known)).toMatchObject({ key: 'phone', label: both('PHONE'), type: 'phone' });
    expect(withChosenKey({ ...blank, label: { en: 'Mobile', 'zh-CN': '' } }, 'phone', known).label).toEqual({ en: 'Mobile', 'zh-CN': 'PHONE' });
    expect(withChosenKey(blank, 'industry', known)).toMatchObject({ type: 'select', options: 'it | IT | 信息技术' });
    expect(withChosenKey(blank, 'budget', known).type).toBe('number');
    expect(withChosenKey({ ...blank, type: 'textarea' }, 'nickname', known)).toMatchObject({ key: 'nickname', type: 'textarea', label: both('') });
  });
});
