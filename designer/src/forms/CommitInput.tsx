import { useEffect, useId, useState } from 'react';

/**
 * A text input whose value becomes an edit when the admin leaves it or presses Enter, so undo takes back a whole
 * word rather than one letter. Shows the document's value again when that changes underneath (undo, redo).
 */
export function CommitInput({ label, value, onCommit, invalid, ...rest }: { label: string; value: string; onCommit(value: string): void; invalid?: boolean; placeholder?: string; list?: string }) {
  const id = useId();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => text !== value && onCommit(text);
  return (
    <label htmlFor={id}>
      {label}
      <input
        id={id}
        value={text}
        aria-invalid={invalid || undefined}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => event.key === 'Enter' && commit()}
        {...rest}
      />
    </label>
  );
}

/** A comma-separated list in one input; an empty list commits as undefined (the field is left out). */
export function ListInput({ label, value, onCommit, invalid }: { label: string; value: readonly string[] | undefined; onCommit(value: string[] | undefined): void; invalid?: boolean }) {
  return (
    <CommitInput
      label={label}
      invalid={invalid ?? false}
      value={(value ?? []).join(', ')}
      onCommit={(text) => {
        const items = text.split(',').map((item) => item.trim()).filter((item) => item !== '');
        onCommit(items.length === 0 ? undefined : items);
      }}
    />
  );
}
