import type { Request } from 'express';
import type { Locale } from '../../engine/validation/problem.ts';

/** The UI language a request asks for: zh-CN when Accept-Language prefers Chinese; English otherwise (and for `*`). */
export function requestLocale(request: Request): Locale {
  const preferred = request.acceptsLanguages('en', 'zh-CN', 'zh');
  return preferred === 'zh-CN' || preferred === 'zh' ? 'zh-CN' : 'en';
}
