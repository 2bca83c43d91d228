import type { Locale } from '../../../ui-kit/i18n/locale.ts';
import { catalogueTranslator, type Catalogues, type Translate as TranslateOf } from '../../../ui-kit/i18n/translate.ts';
import { en, type MessageKey } from './messages.en.ts';
import { zhCN } from './messages.zh-CN.ts';

export type { MessageKey };
export type Translate = TranslateOf<MessageKey>;

export const catalogues: Catalogues<MessageKey> = { en, 'zh-CN': zhCN };

export function translatorFor(locale: Locale): Translate {
  return catalogueTranslator(catalogues, locale);
}
