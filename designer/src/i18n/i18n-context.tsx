import { i18nHookFor, type I18n as I18nOf } from '../../../ui-kit/i18n/i18n-context.tsx';
import { catalogues, type MessageKey } from './translate.ts';

export type I18n = I18nOf<MessageKey>;

/** The interface language and this app's messages in it; needs the UI kit's `<I18nProvider>` above. */
export const useI18n: () => I18n = i18nHookFor(catalogues);
