import type { Locale } from '../../engine/validation/problem.ts';
import { defaultHoneypotField, type WebFormDocument, type WebFormField } from './web-form-bodies.schema.ts';

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

const words = {
  submit: { en: 'Submit', 'zh-CN': '提交' },
  sending: { en: 'Sending…', 'zh-CN': '正在提交…' },
  failed: { en: 'Could not send; please try again.', 'zh-CN': '提交失败，请重试。' },
  received: { en: 'Thank you, we have received your details.', 'zh-CN': '感谢您的提交，我们已收到您的信息。' },
  choose: { en: 'Please choose', 'zh-CN': '请选择' },
  required: { en: 'required', 'zh-CN': '必填' },
} as const;

const inputTypes = { text: 'text', email: 'email', phone: 'tel', number: 'text' } as const;

function fieldHtml(field: WebFormField, locale: Locale): string {
  const id = `f-${escapeHtml(field.key)}`;
  const name = escapeHtml(field.key);
  const required = field.required === true ? ' required' : '';
  const mark = field.required === true ? ` <span class="req" title="${words.required[locale]}">*</span>` : '';
  const label = `<label for="${id}">${escapeHtml(field.label[locale])}${mark}</label>`;
  const max = field.maxLength === undefined ? '' : ` maxlength="${field.maxLength}"`;
  let control: string;
  if (field.type === 'textarea') control = `<textarea id="${id}" name="${name}" rows="4"${max}${required}></textarea>`;
  else if (field.type === 'select') {
    const options = (field.options ?? []).map((option) => `<option value="${escapeHtml(option.value)}">${escapeHtml(option.label[locale])}</option>`).join('');
    control = `<select id="${id}" name="${name}"${required}><option value="">${words.choose[locale]}</option>${options}</select>`;
  } else control = `<input id="${id}" name="${name}" type="${inputTypes[field.type]}"${field.type === 'number' ? ' inputmode="decimal"' : ''}${max}${required}>`;
  return `<p class="field">${label}${control}<span class="error" data-for="${name}" role="alert"></span></p>`;
}

/**
 * The hosted page of a form: plain HTML the server renders in one language, with one small script (allowed by its
 * nonce) that posts the fields as JSON and puts each problem's message beside the field its path names. The
 * honeypot is an ordinary-looking input moved off screen; people never see it, form-filling bots do.
 */
export function hostedFormPage(options: { key: string; document: WebFormDocument; locale: Locale; nonce: string; submitPath: string }): string {
  const { document, locale, nonce } = options;
  const honeypot = escapeHtml(document.honeypotField ?? defaultHoneypotField);
  const thankYou = document.thankYou?.[locale] ?? words.received[locale];
  const other: Locale = locale === 'en' ? 'zh-CN' : 'en';
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.title[locale])}</title>
<style nonce="${nonce}">body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#222}
label{display:block;font-weight:600}input,textarea,select{width:100%;box-sizing:border-box;padding:.4rem;font:inherit}
.field{margin:0 0 1rem}.req{color:#b00}.error{color:#b00;font-size:.9rem}.trap{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}
button{padding:.5rem 1.5rem;font:inherit}.lang{float:right;font-size:.9rem}</style></head>
<body><a class="lang" href="?lang=${other}">${other === 'en' ? 'English' : '中文'}</a>
<h1>${escapeHtml(document.title[locale])}</h1>
${document.intro === undefined ? '' : `<p>${escapeHtml(document.intro[locale])}</p>`}
<form id="stagecraft-form" novalidate>
${document.fields.map((field) => fieldHtml(field, locale)).join('\n')}
<div class="trap" aria-hidden="true"><label for="f-trap">${honeypot}</label><input id="f-trap" name="${honeypot}" type="text" tabindex="-1" autocomplete="off"></div>
<p><button type="submit">${words.submit[locale]}</button> <span id="status" role="status"></span></p>
</form>
<p id="done" hidden>${escapeHtml(thankYou)}</p>
<script nonce="${nonce}">
(function () {
  var form = document.getElementById('stagecraft-form'), status = document.getElementById('status');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var body = {};
    new FormData(form).forEach(function (value, key) { if (value !== '') body[key] = value; });
    form.querySelectorAll('.error').forEach(function (el) { el.textContent = ''; });
    status.textContent = ${JSON.stringify(words.sending[locale])};
    fetch(${JSON.stringify(options.submitPath)}, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': ${JSON.stringify(locale)} }, body: JSON.stringify(body) })
      .then(function (response) { return response.json().then(function (answer) { return { ok: response.ok, answer: answer }; }); })
      .then(function (result) {
        if (result.ok) { form.hidden = true; document.getElementById('done').hidden = false; return; }
        status.textContent = result.answer.detail || ${JSON.stringify(words.failed[locale])};
        (result.answer.errors || []).forEach(function (error) {
          var el = form.querySelector('.error[data-for="' + error.path.slice(1).replace(/"/g, '') + '"]');
          if (el) el.textContent = error.message;
        });
      })
      .catch(function () { status.textContent = ${JSON.stringify(words.failed[locale])}; });
  });
})();
</script></body></html>`;
}
