/** The lists that answer an .xlsx of their current query at `/api/<list>/export`. */
export type ExportableList = 'customers' | 'leads' | 'contact-records';

/** A list's page parameters: an export writes every row, so these are left out. */
const pageParameters = new Set(['limit', 'cursor']);

/**
 * The export address of a list request: the same filter, sort and list parameters (stage, ownership, q …), without
 * its page. Opened as a link, the browser downloads the sheet with the session it already has.
 */
export function exportHref(list: ExportableList, listSearch: URLSearchParams): string {
  const search = new URLSearchParams([...listSearch].filter(([key]) => !pageParameters.has(key)));
  const query = search.toString();
  return `/api/${list}/export${query === '' ? '' : `?${query}`}`;
}
