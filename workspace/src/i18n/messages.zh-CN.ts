import type { MessageKey } from './messages.en.ts';
import { shellZhCN } from './zh-CN/shell.ts';
import { workZhCN } from './zh-CN/work.ts';
import { customerZhCN } from './zh-CN/customer.ts';
import { listsZhCN } from './zh-CN/lists.ts';
import { webFormsZhCN } from './zh-CN/web-forms.ts';

/** 简体中文界面文本。键与英文目录一一对应（类型检查和 messages.test.ts 共同保证）；`{name}` 为占位值。按区域分文件（./zh-CN/）。 */
export const zhCN: Record<MessageKey, string> = { ...shellZhCN, ...workZhCN, ...customerZhCN, ...listsZhCN, ...webFormsZhCN };
