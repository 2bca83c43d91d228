import type { WebFormSnippet } from './web-form-bodies.schema.ts';
import { hostedPathOf } from './web-form-row.ts';

const attribute = (text: string) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/**
 * What an admin pastes into a site. The iframe needs nothing from the site (its page posts to its own origin); the
 * script posts the site's own form as JSON, which is why that site's origin must be in the form's allowed origins.
 */
export function webFormSnippet(serverOrigin: string, key: string, lang: 'zh-CN' | 'en'): WebFormSnippet {
  const hostedUrl = `${serverOrigin}${hostedPathOf(key)}?lang=${lang}`;
  const submissionUrl = `${serverOrigin}${hostedPathOf(key)}/submissions`;
  const iframe = `<iframe src="${attribute(hostedUrl)}" title="${attribute(key)}" style="width:100%;min-height:640px;border:0" loading="lazy"></iframe>`;
  const script = `<script>
document.querySelectorAll('form[data-stagecraft-form]').forEach(function (form) {
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var body = {};
    new FormData(form).forEach(function (value, key) { if (value !== '') body[key] = value; });
    fetch(${JSON.stringify(submissionUrl)}, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': ${JSON.stringify(lang)} }, body: JSON.stringify(body) })
      .then(function (response) { return response.json(); })
      .then(function (answer) { form.dispatchEvent(new CustomEvent('stagecraft:answer', { detail: answer })); });
  });
});
</script>`;
  return { hostedUrl, submissionUrl, iframe, script };
}
