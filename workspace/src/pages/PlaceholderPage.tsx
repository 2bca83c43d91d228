import type { ReactNode } from 'react';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/** A page whose slice has not landed yet: its name, what it will hold, and that it is coming. */
export function PlaceholderPage({ title, description, children }: { title: string; description: string; children?: ReactNode }) {
  const { t } = useI18n();
  useDocumentTitle(title);
  return (
    <section className="page placeholder-page">
      <h1 tabIndex={-1}>{title}</h1>
      <p>{description}</p>
      {children}
      <p className="coming">{t('page.coming')}</p>
    </section>
  );
}
