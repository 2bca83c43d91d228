import { useI18n } from '../i18n/i18n-context.tsx';
import { useSession } from '../shell/session-context.ts';
import { exportHref, type ExportableList } from './export-link.ts';

/**
 * "Export to Excel" for the list as it is filtered and sorted now, shown only to roles that may export. A plain link
 * (reached with Tab, followed with Enter): the browser downloads the streamed sheet with its session.
 */
export function ExportLink({ list, search }: { list: ExportableList; search: URLSearchParams }) {
  const { me } = useSession();
  const { t } = useI18n();
  if (!me.role.permissions.mayExport) return null;
  return (
    <a className="button export-link" href={exportHref(list, search)} download title={t('export.hint')}>
      {t('export.toExcel')}
    </a>
  );
}
