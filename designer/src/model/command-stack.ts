/**
 * Undo and redo over whole documents: each edit is a pure function (machine-edits.ts), so the stack keeps the
 * document before every edit and undo hands it back as it was — no inverse operations to get wrong.
 */
export interface CommandStack<T> {
  past: readonly T[];
  present: T;
  future: readonly T[];
}

export function startStack<T>(present: T): CommandStack<T> {
  return { past: [], present, future: [] };
}

/** Applies an edit; one that changes nothing is not recorded, so undo never appears to do nothing. */
export function execute<T>(stack: CommandStack<T>, edit: (document: T) => T): CommandStack<T> {
  const next = edit(stack.present);
  if (next === stack.present) return stack;
  return { past: [...stack.past, stack.present], present: next, future: [] };
}

export function undo<T>(stack: CommandStack<T>): CommandStack<T> {
  const previous = stack.past.at(-1);
  if (stack.past.length === 0) return stack;
  return { past: stack.past.slice(0, -1), present: previous as T, future: [stack.present, ...stack.future] };
}

export function redo<T>(stack: CommandStack<T>): CommandStack<T> {
  const [next, ...rest] = stack.future;
  if (stack.future.length === 0) return stack;
  return { past: [...stack.past, stack.present], present: next as T, future: rest };
}

export const canUndo = (stack: CommandStack<unknown>) => stack.past.length > 0;
export const canRedo = (stack: CommandStack<unknown>) => stack.future.length > 0;
