import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';

/** The browser tab names the page, so a rep with several tabs finds the right one. */
export function useDocumentTitle(title: string): void {
  const { t } = useI18n();
  const product = t('app.name');
  useEffect(() => {
    document.title = `${title} · ${product}`;
  }, [title, product]);
}
