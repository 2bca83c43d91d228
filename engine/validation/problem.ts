/** A validation problem: where (a JSON Pointer into the checked document), what (a stable code) and why, in each UI language. */
export type Locale = 'en' | 'zh-CN';

export const locales: readonly Locale[] = ['en', 'zh-CN'];

export type LocalizedText = Record<Locale, string>;

export interface Problem {
  path: string;
  code: string;
  message: LocalizedText;
}

export function problem(path: string, code: string, en: string, zh: string): Problem {
  return { path, code, message: { en, 'zh-CN': zh } };
}

/** Appends RFC 6901-escaped segments to a JSON Pointer. */
export function pointer(base: string, ...segments: Array<string | number>): string {
  return segments.reduce<string>(
    (acc, segment) => `${acc}/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`,
    base,
  );
}

export function localizeProblem(p: Problem, locale: Locale): { path: string; message: string } {
  return { path: p.path, message: p.message[locale] };
}
