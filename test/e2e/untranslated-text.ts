import { en, type MessageKey } from '../../workspace/src/i18n/messages.en.ts';
import { zhCN } from '../../workspace/src/i18n/messages.zh-CN.ts';

/**
 * English texts that would show up on a Chinese page if a key were missing or left untranslated: the literal parts
 * (between `{values}`) of every English message that differs from its Chinese one.
 */
const englishOnlyFragments = Object.entries(en)
  .filter(([key, text]) => zhCN[key as MessageKey] !== text)
  .flatMap(([, text]) => text.split(/\{\w+\}/))
  .map((fragment) => fragment.trim())
  .filter((fragment) => fragment.length >= 4);

const asWord = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The English-only fragments a text shows as whole words ("Stage" is not found inside "Stagecraft"). */
export const englishShownIn = (text: string): string[] =>
  englishOnlyFragments.filter((fragment) => new RegExp(`(^|[^A-Za-z])${asWord(fragment)}($|[^A-Za-z])`).test(text));

/** Message keys shown as they are (`customer.field.owners`), and `{values}` a message was not given. */
export const rawKeysShownIn = (text: string): string[] => [
  ...Object.keys(en).filter((key) => new RegExp(`(^|[^\\w.])${asWord(key)}($|[^\\w.])`).test(text)),
  ...[...text.matchAll(/\{\w+\}/g)].map((match) => match[0]),
];
