import { randomBytes, randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Router, type Request } from 'express';
import type { Locale } from '../../engine/validation/problem.ts';
import { requestLocale } from '../http/request-locale.ts';
import { hostedFormPage } from './hosted-form-page.ts';
import { submitWebForm, countSubmission } from './submit-web-form.command.ts';
import { applyFormCors, submissionOriginAllowed } from './web-form-cors.ts';
import { noSuchWebForm, submissionOriginRefused, tooManySubmissions } from './web-form-problems.ts';
import { activeWebFormByKey, hostedPathOf } from './web-form-row.ts';

const received = { en: 'Thank you, we have received your details.', 'zh-CN': '感谢您的提交，我们已收到您的信息。' } as const;

function pageLocale(request: Request): Locale {
  const asked = request.query.lang;
  return asked === 'zh-CN' || asked === 'en' ? asked : requestLocale(request);
}

/**
 * The public face of web forms, outside /api: no session, so the same-origin check for /api writes does not apply;
 * each form's own allowed origins decide instead. GET /forms/<key> is the hosted page; POST …/submissions takes a
 * submission (JSON), and OPTIONS …/submissions answers a browser's preflight.
 */
export function publicFormsRouter(orm: MikroORM, settings: { timeZone: string }): Router {
  const router = Router();
  const formOf = async (key: string) => {
    const form = await activeWebFormByKey(orm.em.fork(), key);
    if (form === undefined) throw noSuchWebForm(key);
    return form;
  };

  router.get('/forms/:key', async (request, response) => {
    const form = await formOf(request.params.key);
    const nonce = randomBytes(16).toString('base64');
    const ancestors = ["'self'", ...form.allowed_origins].join(' ');
    response.set({
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors ${ancestors}`,
      'X-Content-Type-Options': 'nosniff',
    });
    const locale = pageLocale(request);
    response
      .type('html')
      .send(hostedFormPage({ key: form.key, document: form.document, locale, nonce, submitPath: `${hostedPathOf(form.key)}/submissions` }));
  });

  router.options('/forms/:key/submissions', async (request, response) => {
    applyFormCors(await formOf(request.params.key), request, response, true);
    response.status(204).end();
  });

  router.post('/forms/:key/submissions', async (request, response) => {
    const form = await formOf(request.params.key);
    applyFormCors(form, request, response, false);
    response.set('Cache-Control', 'no-store');
    if (!submissionOriginAllowed(form, request)) throw submissionOriginRefused();
    const now = new Date();
    const retryAfter = await countSubmission(orm, form, request.ip ?? 'unknown', now);
    if (retryAfter !== undefined) {
      response.set('Retry-After', String(retryAfter));
      throw tooManySubmissions(retryAfter);
    }
    await submitWebForm(orm, { actorId: null, requestId: randomUUID(), now }, form, request.body, settings.timeZone);
    const locale = pageLocale(request);
    response.status(202).json({ received: true, message: form.document.thankYou?.[locale] ?? received[locale] });
  });

  return router;
}
