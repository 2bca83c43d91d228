import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { failureStatus, isApiFailure } from '../../../ui-kit/api/api-failure.ts';
import type { ProblemEntry } from '../problems/problem-entry.ts';
import type { DefinitionDetail, DefinitionsApi } from '../api/definitions-api.ts';
import { canRedo, canUndo, execute, redo, startStack, undo, type CommandStack } from '../model/command-stack.ts';
import { liveProblems, type LocalChecks } from '../problems/live-problems.ts';

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'conflict' | 'failed';

export interface Draft<T> {
  document: T;
  problems: readonly ProblemEntry[];
  saveState: SaveState;
  baseVersion: number;
  edit(change: (document: T) => T): void;
  /** Replaces the whole document (a form's new value) as one undoable edit. */
  replace(document: T): void;
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
  /** After a publish: the draft is gone, the published version is the new base. */
  restart(document: T, baseVersion: number): void;
  /** Drops the saved draft and starts again from the latest published version. */
  discard(): void;
}

const autosaveDelayMs = 600;

/**
 * The document being edited, on its command stack, saved as the definition's draft a moment after the last edit
 * (PUT with If-Match naming the revision it was based on, so two admins cannot overwrite each other unseen). The
 * save answers the problems publishing would refuse, which the editor shows as it goes; `localChecks` (pure checks
 * of the kind) judge every edit at once, before the save answers.
 */
export function useDraft<T>(api: DefinitionsApi, detail: DefinitionDetail, localChecks?: LocalChecks): Draft<T> {
  const initial = (detail.draft?.document ?? detail.latest.document) as T;
  const [stack, setStack] = useState<CommandStack<T>>(() => startStack(initial));
  const [problems, setProblems] = useState<readonly ProblemEntry[]>(detail.draft?.problems ?? []);
  // The document the server holds; "unsaved" is read off it in the same render as an edit, never a frame late.
  const [saved, setSaved] = useState<T>(initial);
  const [trouble, setTrouble] = useState<'saving' | 'conflict' | 'failed' | undefined>();
  const [baseVersion, setBaseVersion] = useState(detail.draft?.baseVersion ?? detail.latest.version);
  const [latest, setLatest] = useState({ document: detail.latest.document as T, version: detail.latest.version });
  const revision = useRef<number | undefined>(detail.draft?.revision);
  // Saves run one after another: each needs the revision the one before it answered.
  const queue = useRef<Promise<void>>(Promise.resolve());

  // Live problems for a definition opened without a draft: the same checks as publish, nothing saved.
  useEffect(() => {
    if (detail.draft === null) api.validate(detail.kind, detail.key, initial).then((answer) => setProblems(answer.problems), () => {});
  }, []);

  useEffect(() => {
    if (stack.present === saved) return;
    const document = stack.present;
    const timer = setTimeout(() => {
      setTrouble('saving');
      queue.current = queue.current.then(() =>
        api.saveDraft(detail.kind, detail.key, document, baseVersion, revision.current).then(
          (answer) => {
            revision.current = answer.revision;
            setProblems(answer.problems);
            setSaved(document);
            setTrouble(undefined);
          },
          (error: unknown) => setTrouble(isApiFailure(error) && failureStatus(error.failure) === 409 ? 'conflict' : 'failed'),
        ),
      );
    }, autosaveDelayMs);
    return () => clearTimeout(timer);
  }, [stack.present, saved]);

  function restart(document: T, version: number) {
    revision.current = undefined;
    setSaved(document);
    setBaseVersion(version);
    setLatest({ document, version });
    setStack(startStack(document));
    setTrouble(undefined);
  }

  const localOfSaved = useMemo(() => localChecks?.(saved) ?? [], [saved]);
  const localOfPresent = useMemo(() => localChecks?.(stack.present) ?? [], [stack.present]);
  // One array per change, not per render: the canvas redraws when the problems change.
  const shownProblems = useMemo(() => liveProblems(problems, localOfSaved, localOfPresent), [problems, localOfSaved, localOfPresent]);
  const edit = useCallback((change: (document: T) => T) => setStack((current) => execute(current, change)), []);
  const saveState: SaveState = trouble === 'conflict' || trouble === 'failed' ? trouble : stack.present !== saved ? 'unsaved' : 'saved';
  return {
    document: stack.present,
    problems: shownProblems,
    saveState: trouble === 'saving' && saveState === 'unsaved' ? 'saving' : saveState,
    baseVersion,
    edit,
    replace: (document) => edit(() => document),
    undo: () => setStack(undo),
    redo: () => setStack(redo),
    canUndo: canUndo(stack),
    canRedo: canRedo(stack),
    restart,
    discard() {
      queue.current = queue.current.then(() =>
        api.discardDraft(detail.kind, detail.key).then(
          () => restart(latest.document, latest.version),
          () => setTrouble('failed'),
        ),
      );
    },
  };
}
