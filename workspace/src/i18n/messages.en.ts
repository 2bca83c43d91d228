import { shellEn } from './en/shell.ts';
import { workEn } from './en/work.ts';
import { customerEn } from './en/customer.ts';
import { listsEn } from './en/lists.ts';
import { webFormsEn } from './en/web-forms.ts';

/**
 * The English interface texts: the reference catalogue whose keys every other language must have (the
 * zh-CN catalogue is typed against it, and messages.test.ts checks both at run time). `{name}` marks a value.
 * Kept in parts by area (./en/), one object here.
 */
export const en = { ...shellEn, ...workEn, ...customerEn, ...listsEn, ...webFormsEn } as const satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
