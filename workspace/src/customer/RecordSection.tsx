import type { ReactNode } from 'react';
import type { Loaded } from '../../../ui-kit/hooks/use-loaded.ts';
import { failureMessage } from '../../../ui-kit/api/failure-message.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/** One part of the 360° view: a heading and a table of rows, or why they could not be loaded. */
export function RecordSection<T>({
  id,
  title,
  loaded,
  columns,
  row,
  toolbar,
}: {
  id: string;
  title: string;
  /** Controls under the heading, e.g. "New opportunity". */
  toolbar?: ReactNode;
  loaded: Loaded<T[]>;
  columns: string[];
  row(item: T): { key: number | string; cells: ReactNode[] };
}) {
  const { t } = useI18n();
  const items = loaded.value ?? [];
  return (
    <section className="record-section" aria-labelledby={`${id}-heading`} data-section={id}>
      <h2 id={`${id}-heading`}>
        {title}
        {loaded.value !== undefined && <span className="count"> ({items.length})</span>}
      </h2>
      {toolbar}
      {loaded.status === 'failed' && (
        <p className="form-error" role="alert">
          {t('customer.sectionFailed', { reason: failureMessage(loaded.failure, t) })}
        </p>
      )}
      {loaded.status === 'loading' && loaded.value === undefined && <p role="status">{t('app.loading')}</p>}
      {loaded.value !== undefined && items.length === 0 && <p className="hint">{t('customer.empty')}</p>}
      {items.length > 0 && (
        <table className="records" aria-busy={loaded.status === 'loading'}>
          <thead>
            <tr>
              {columns.map((column) => (
                <th scope="col" key={column}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const { key, cells } = row(item);
              return (
                <tr key={key}>
                  {cells.map((cell, index) => (
                    <td key={index}>{cell}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
