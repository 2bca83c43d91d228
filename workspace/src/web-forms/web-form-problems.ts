import type { ProblemDocument } from '../../../ui-kit/api/api-failure.ts';

export interface PlacedProblems {
  /** Messages by the JSON path of the input they are shown beside (`/document/fields/2/key`). */
  byPath: ReadonlyMap<string, string[]>;
  /** What no input on the form stands for, and the problem's detail when it named no path at all. */
  general: string[];
}

export const noPlacedProblems: PlacedProblems = { byPath: new Map(), general: [] };

const within = (path: string, parent: string) => path === parent || path.startsWith(`${parent}/`);

/**
 * Puts each of a problem's entries beside the input that stands for its path: the input whose path is the longest
 * one containing it (`/document/fields/1/options/0/value` → the options of field 1), or else the first input inside
 * it (a missing `/document/title` → the English title). `inputs` are in the order the form shows them.
 */
export function placeProblems(problem: ProblemDocument, inputs: readonly string[]): PlacedProblems {
  const byPath = new Map<string, string[]>();
  const general: string[] = [];
  const entries = problem.errors ?? [];
  for (const { path, message } of entries) {
    const container = inputs.filter((input) => within(path, input)).sort((a, b) => b.length - a.length)[0];
    const input = container ?? inputs.find((candidate) => within(candidate, path) && path !== '');
    if (input === undefined) general.push(message);
    else byPath.set(input, [...(byPath.get(input) ?? []), message]);
  }
  if (entries.length === 0) general.push(problem.detail);
  return { byPath, general };
}

/** The JSON paths of the editor's inputs for `draft`, in the order it shows them (the key only while creating). */
export function webFormInputPaths(draft: { fields: readonly { type: string }[] }, creating: boolean): string[] {
  const texts = ['title', 'intro', 'thankYou'].flatMap((text) => [`/document/${text}/en`, `/document/${text}/zh-CN`]);
  const fields = draft.fields.flatMap((field, index) => {
    const at = `/document/fields/${index}`;
    const paths = [`${at}/key`, `${at}/label/en`, `${at}/label/zh-CN`, `${at}/type`, `${at}/required`, `${at}/maxLength`];
    return field.type === 'select' ? [...paths, `${at}/options`] : paths;
  });
  return [...(creating ? ['/key'] : []), ...texts, '/document/fields', ...fields, '/campaignId', '/routingPolicy', '/allowedOrigins', '/active'];
}
