import type { RefusalCode } from '../../engine/machines/index.ts';
import type { Problem } from '../../engine/validation/problem.ts';
import { HttpProblem } from '../http/http-problem.ts';

/** Refusals about who the caller is answer 403; everything about the record's state answers 409. */
const forbiddingCodes: ReadonlySet<string> = new Set<RefusalCode>(['roleNotAllowed', 'permissionDenied']);

/**
 * The engine said no. The answer carries its reason as is — the stable code the UI switches on, the JSON Pointer
 * into the definition, the message in the caller's language — the same reason GET …/actions shows on the button.
 */
export class TransitionRefused extends HttpProblem {
  readonly reason: Problem;

  constructor(reason: Problem) {
    const forbidden = forbiddingCodes.has(reason.code);
    super(
      forbidden ? 403 : 409,
      forbidden ? 'forbidden' : 'transition-refused',
      forbidden ? { en: 'Not allowed', 'zh-CN': '无权操作' } : { en: 'Transition refused', 'zh-CN': '无法执行该操作' },
      reason.message,
    );
    this.reason = reason;
  }

  override toDocument(...args: Parameters<HttpProblem['toDocument']>) {
    const [locale] = args;
    return Object.assign(super.toDocument(...args), {
      reason: { code: this.reason.code, path: this.reason.path, message: this.reason.message[locale] },
    });
  }
}
