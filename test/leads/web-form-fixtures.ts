import { call } from '../support/people-fixtures.ts';
import type { TestApp } from '../support/test-app.ts';

/** A contact-us form over name, phone, email and an interest select; overrides replace top-level settings. */
export function contactForm(key: string, overrides: Record<string, unknown> = {}) {
  return {
    key,
    document: {
      title: { en: 'Contact us', 'zh-CN': '联系我们' },
      fields: [
        { key: 'name', label: { en: 'Name', 'zh-CN': '姓名' }, type: 'text', required: true },
        { key: 'phone', label: { en: 'Phone', 'zh-CN': '电话' }, type: 'phone', required: true },
        { key: 'email', label: { en: 'Email', 'zh-CN': '邮箱' }, type: 'email' },
        { key: 'company', label: { en: 'Company', 'zh-CN': '公司' }, type: 'text', maxLength: 100 },
        {
          key: 'region',
          label: { en: 'Province', 'zh-CN': '省份' },
          type: 'select',
          options: [
            { value: '浙江', label: { en: 'Zhejiang', 'zh-CN': '浙江' } },
            { value: '江苏', label: { en: 'Jiangsu', 'zh-CN': '江苏' } },
          ],
        },
      ],
      honeypotField: 'website',
      rateLimit: { submissions: 1_000_000, windowSeconds: 600 },
    },
    allowedOrigins: ['https://www.example.com'],
    ...overrides,
  };
}

/** Defines a form through the admin API and returns its view. */
export async function defineForm(app: TestApp, adminCookie: string, body: Record<string, unknown>) {
  const response = await call(app, 'POST', '/api/web-forms', { cookie: adminCookie, body });
  if (response.status !== 201) throw new Error(`defining ${String(body.key)} answered ${response.status}: ${response.text}`);
  return response.json();
}

/** Posts a submission as an anonymous browser on `origin` (null: no Origin, as a server would). */
export function submit(app: TestApp, key: string, body: unknown, options: { origin?: string | null; language?: string } = {}) {
  return call(app, 'POST', `/forms/${key}/submissions`, {
    body,
    origin: options.origin === undefined ? null : options.origin,
    headers: { 'accept-language': options.language ?? 'en' },
  });
}
