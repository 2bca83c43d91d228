import { problem, type Problem } from '../validation/problem.ts';

const fieldRanges = [
  { name: 'minute', zh: '分钟', min: 0, max: 59 },
  { name: 'hour', zh: '小时', min: 0, max: 23 },
  { name: 'day of month', zh: '日', min: 1, max: 31 },
  { name: 'month', zh: '月', min: 1, max: 12 },
  { name: 'day of week', zh: '星期', min: 0, max: 7 },
] as const;

const partForm = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/;

function partFits(part: string, min: number, max: number): boolean {
  const match = partForm.exec(part);
  if (!match) return false;
  const [, whole, from, to, step] = match;
  if (step !== undefined && Number(step) < 1) return false;
  if (whole === '*') return true;
  const low = Number(from);
  const high = to === undefined ? low : Number(to);
  return low >= min && high <= max && low <= high;
}

/** Checks a five-field cron expression (numbers, `*`, ranges, lists and steps; no names, so every reader agrees). */
export function validateCronExpression(expression: string, path: string): Problem[] {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    return [
      problem(
        path,
        'rule.cronFieldCount',
        `A cron expression has five fields (minute hour day-of-month month day-of-week); this one has ${fields.length}.`,
        `cron 表达式应有五个字段（分 时 日 月 星期），这里有 ${fields.length} 个。`,
      ),
    ];
  }
  return fields.flatMap((field, index) => {
    const range = fieldRanges[index];
    if (range === undefined || field.split(',').every((part) => partFits(part, range.min, range.max))) return [];
    return [
      problem(
        path,
        'rule.cronField',
        `The ${range.name} field "${field}" must use numbers ${range.min}–${range.max}, *, ranges, lists or steps.`,
        `${range.zh}字段“${field}”只能使用 ${range.min}–${range.max} 的数字、*、范围、列表或步长。`,
      ),
    ];
  });
}
