import { useEffect, useId, useState } from 'react';
import type { ProblemEntry } from '../problems/problem-entry.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ProblemList } from '../problems/ProblemList.tsx';

/** Kinds without a visual editor yet (policies, fields, catalogues): their JSON, checked by the API as it is saved. */
export function JsonEditor({ document, problems, replace }: { document: unknown; problems: readonly ProblemEntry[]; replace(document: unknown): void }) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(() => JSON.stringify(document, null, 2));
  const [parseError, setParseError] = useState<string | undefined>();
  useEffect(() => setText(JSON.stringify(document, null, 2)), [document]);
  return (
    <div className="json-editor">
      <label htmlFor={id}>{t('json.label')}</label>
      <textarea
        id={id}
        spellCheck={false}
        value={text}
        aria-invalid={parseError !== undefined || undefined}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => {
          try {
            const parsed: unknown = JSON.parse(text);
            setParseError(undefined);
            if (JSON.stringify(parsed) !== JSON.stringify(document)) replace(parsed);
          } catch (error) {
            setParseError(error instanceof Error ? error.message : String(error));
          }
        }}
      />
      {parseError && <p role="alert">{t('json.invalid', { reason: parseError })}</p>}
      {problems.length > 0 ? <ProblemList title={t('problems.title', { count: problems.length })} problems={problems} /> : <p role="status">{t('problems.none')}</p>}
    </div>
  );
}
