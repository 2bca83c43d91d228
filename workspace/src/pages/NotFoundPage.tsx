import { useDocumentTitle } from '../app/use-document-title.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { Link } from '../../../ui-kit/routing/Link.tsx';

export function NotFoundPage({ path }: { path: string }) {
  const { t } = useI18n();
  useDocumentTitle(t('page.notFound.title'));
  return (
    <section className="page">
      <h1 tabIndex={-1}>{t('page.notFound.title')}</h1>
      <p>{t('page.notFound.description', { path })}</p>
      <p>
        <Link href="/">{t('page.notFound.home')}</Link>
      </p>
    </section>
  );
}
