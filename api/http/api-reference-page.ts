import type { Locale } from '../../engine/validation/problem.ts';
import { escapeHtml, schemaAnchor, schemaHtml, schemaLineHtml } from './api-reference-schema.ts';
import { problemDocumentSchema } from './http-problem.ts';
import type { OpenApiDocument, OpenApiOperation, OpenApiParameter, OpenApiResponse } from './openapi-document.ts';

const problemLink = `<a href="#${schemaAnchor(problemDocumentSchema.title)}"><code>problem+json</code></a>`;

const texts = {
  en: {
    title: 'Stagecraft API reference',
    intro:
      'Every operation under /api, generated from the schemas that check each request. Failures answer ' +
      'application/problem+json; <code>errors</code> names each failing path.',
    machineReadable: 'OpenAPI 3.1 document',
    otherLanguage: '中文',
    contents: 'Contents',
    parameters: 'Parameters',
    requestBody: 'Request body (application/json)',
    responses: 'Responses',
    name: 'Name',
    where: 'In',
    required: 'Required',
    description: 'Description',
    schema: 'Type',
    yes: 'yes',
    access: 'Access',
    public: 'anyone, no session needed',
    session: 'signed-in users (cookie stagecraft_session)',
    permissions: 'signed-in users whose role has',
    headers: 'Headers',
    jsonSchema: 'JSON Schema',
    schemas: 'Schemas',
  },
  'zh-CN': {
    title: 'Stagecraft 接口文档',
    intro: '/api 下的全部接口，由校验请求所用的同一份 JSON Schema 生成。失败时返回 application/problem+json，<code>errors</code> 列出每个出错的字段路径。',
    machineReadable: 'OpenAPI 3.1 文档',
    otherLanguage: 'English',
    contents: '目录',
    parameters: '参数',
    requestBody: '请求体（application/json）',
    responses: '响应',
    name: '名称',
    where: '位置',
    required: '必填',
    description: '说明',
    schema: '类型',
    yes: '是',
    access: '访问权限',
    public: '任何人，无需登录',
    session: '已登录用户（Cookie stagecraft_session）',
    permissions: '已登录且角色具备以下权限的用户：',
    headers: '响应头',
    jsonSchema: 'JSON Schema',
    schemas: '数据结构',
  },
} as const;

type Texts = (typeof texts)[Locale];

const styles = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1f2328;background:#fff}
header,main,nav{max-width:1040px;margin:0 auto;padding:0 24px}
header{padding-top:24px}h1{font-size:26px;margin:0 0 8px}h2{font-size:21px;border-bottom:1px solid #d0d7de;padding-bottom:4px;margin-top:40px}
h3{font-size:17px;margin:0 0 4px;font-weight:600}h4{font-size:14px;margin:14px 0 6px;color:#57606a;text-transform:uppercase;letter-spacing:.03em}
article{border:1px solid #d0d7de;border-radius:8px;padding:14px 18px;margin:16px 0}
code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f6f8fa;padding:1px 4px;border-radius:4px}
.method{display:inline-block;min-width:56px;text-align:center;font:700 12px ui-monospace,monospace;color:#fff;border-radius:4px;padding:3px 6px;margin-right:8px}
.get{background:#0969da}.post{background:#1a7f37}.put{background:#9a6700}.patch{background:#8250df}.delete{background:#cf222e}
table{border-collapse:collapse;width:100%;margin:4px 0;font-size:14px}th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa;font-weight:600}td table{margin-top:6px}.muted{color:#57606a;font-style:italic}.schema-name{font-weight:600}
.status{font:700 14px ui-monospace,monospace;margin-right:6px}dl{margin:0}dt{margin-top:8px}dd{margin:2px 0 0 0}
details{margin-top:6px}pre{background:#f6f8fa;padding:8px;border-radius:6px;overflow:auto;font-size:12px}
nav>ul{columns:2;padding-left:18px}nav>ul>li{break-inside:avoid;margin-bottom:8px}p.summary{margin:0 0 6px}`;

/**
 * The reference page, written from the OpenAPI document itself (so the two cannot disagree): operations grouped by
 * tag, each with its access, parameters, body and answers. One self-contained HTML file: no scripts, no CDN.
 */
export function renderApiReferencePage(document: OpenApiDocument, locale: Locale): string {
  const t = texts[locale];
  const other: Locale = locale === 'en' ? 'zh-CN' : 'en';
  const byTag = document.tags.map((tag) => ({
    tag,
    operations: Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, operation]) => operation.tags[0] === tag.name)
        .map(([method, operation]) => ({ path, method, operation })),
    ),
  }));
  const tagTitle = (tag: OpenApiDocument['tags'][number]) => (locale === 'en' ? tag['x-displayName'] : tag['x-zh-CN'].displayName);
  const summaryOf = (operation: OpenApiOperation) => (locale === 'en' ? operation.summary : operation['x-zh-CN'].summary);
  const basePath = document.servers[0]?.url ?? '';

  const contents = byTag
    .map(
      ({ tag, operations }) =>
        `<li><a href="#tag-${escapeHtml(tag.name)}">${escapeHtml(tagTitle(tag))}</a><ul>${operations
          .map(({ operation }) => `<li><a href="#op-${escapeHtml(operation.operationId)}">${escapeHtml(summaryOf(operation))}</a></li>`)
          .join('')}</ul></li>`,
    )
    .join('');
  const sections = byTag
    .map(
      ({ tag, operations }) =>
        `<section id="tag-${escapeHtml(tag.name)}"><h2>${escapeHtml(tagTitle(tag))}</h2>` +
        `<p>${escapeHtml(locale === 'en' ? tag.description : tag['x-zh-CN'].description)}</p>` +
        operations
          .map(({ path, method, operation }) =>
            operationHtml(`${basePath}${path}`, method, operation, summaryOf(operation), document, locale, t),
          )
          .join('') +
        '</section>',
    )
    .join('');

  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(t.title)}</title><style>${styles}</style></head>
<body><header><h1>${escapeHtml(t.title)}</h1><p>${t.intro}</p>
<p><a href="${escapeHtml(basePath)}/openapi.json">${escapeHtml(t.machineReadable)}</a> · version ${escapeHtml(document.info.version)} ·
<a href="?lang=${other}" hreflang="${other}">${escapeHtml(t.otherLanguage)}</a></p></header>
<nav><h2>${escapeHtml(t.contents)}</h2><ul>${contents}<li><a href="#schemas">${escapeHtml(t.schemas)}</a></li></ul></nav>
<main>${sections}${schemasHtml(document, locale, t)}</main></body></html>
`;
}

function operationHtml(
  fullPath: string,
  method: string,
  operation: OpenApiOperation,
  summary: string,
  document: OpenApiDocument,
  locale: Locale,
  t: Texts,
): string {
  const components = document.components.schemas;
  const permissions = operation['x-stagecraft-permissions'];
  const access =
    operation.security.length === 0
      ? t.public
      : permissions === undefined
        ? t.session
        : `${t.permissions} ${permissions.map((p) => `<code>${escapeHtml(p)}</code>`).join(', ')}`;
  const parts = [
    `<article id="op-${escapeHtml(operation.operationId)}">`,
    `<h3><span class="method ${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span><code>${escapeHtml(fullPath)}</code></h3>`,
    `<p class="summary">${escapeHtml(summary)} <span class="muted">(${escapeHtml(operation.operationId)})</span></p>`,
    `<p><strong>${escapeHtml(t.access)}:</strong> ${access}</p>`,
    operation.description === undefined ? '' : descriptionHtml(operation.description),
  ];
  if (operation.parameters !== undefined) parts.push(`<h4>${escapeHtml(t.parameters)}</h4>`, parametersHtml(operation.parameters, components, locale, t));
  const body = operation.requestBody?.content['application/json'].schema;
  if (body !== undefined) parts.push(`<h4>${escapeHtml(t.requestBody)}</h4>`, schemaHtml(body, components, locale, { expand: true }));
  parts.push(`<h4>${escapeHtml(t.responses)}</h4><dl>`);
  for (const [status, response] of Object.entries(operation.responses)) parts.push(responseHtml(status, response, components, locale, t));
  parts.push('</dl></article>');
  return parts.join('');
}

/** The English description: paragraphs, with `backticks` as code. */
function descriptionHtml(description: string): string {
  return description
    .split('\n\n')
    .map((paragraph) => `<p>${codeSpans(paragraph)}</p>`)
    .join('');
}

function codeSpans(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

function parametersHtml(parameters: OpenApiParameter[], components: OpenApiDocument['components']['schemas'], locale: Locale, t: Texts): string {
  const rows = parameters.map(
    (parameter) =>
      `<tr><td><code>${escapeHtml(parameter.name)}</code></td><td>${parameter.in}</td><td>${parameter.required ? t.yes : ''}</td>` +
      `<td>${schemaLineHtml(parameter.schema, components, locale) ?? schemaHtml(parameter.schema, components, locale, { expand: false })}</td>` +
      `<td>${escapeHtml(parameter.description ?? '')}</td></tr>`,
  );
  return (
    `<table><thead><tr><th>${t.name}</th><th>${t.where}</th><th>${t.required}</th><th>${t.schema}</th><th>${t.description}</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

function responseHtml(status: string, response: OpenApiResponse, components: OpenApiDocument['components']['schemas'], locale: Locale, t: Texts): string {
  const [mediaType, media] = Object.entries(response.content ?? {})[0] ?? [];
  const json = mediaType === 'application/json' && media !== undefined ? media.schema : undefined;
  const line = json === undefined ? undefined : schemaLineHtml(json, components, locale);
  const label =
    mediaType === undefined
      ? ''
      : mediaType === 'application/problem+json'
        ? problemLink
        : `<code>${escapeHtml(mediaType)}</code>${line === undefined ? '' : ` · ${line}`}`;
  const headers = Object.entries(response.headers ?? {})
    .map(([name, header]) => `<code>${escapeHtml(name)}</code>: ${escapeHtml(header.description)}`)
    .join('; ');
  return (
    `<dt><span class="status">${escapeHtml(status)}</span>${label}</dt>` +
    `<dd>${codeSpans(response.description)}${headers === '' ? '' : `<br>${escapeHtml(t.headers)}: ${headers}`}` +
    (json !== undefined && line === undefined ? schemaHtml(json, components, locale, { expand: false }) : '') +
    '</dd>'
  );
}

function jsonDetails(schema: unknown, t: Texts): string {
  return `<details><summary>${escapeHtml(t.jsonSchema)}</summary><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre></details>`;
}

/** Every named schema of the document, each as a table and as its JSON. */
function schemasHtml(document: OpenApiDocument, locale: Locale, t: Texts): string {
  const entries = Object.entries(document.components.schemas).map(
    ([name, schema]) =>
      `<article id="${escapeHtml(schemaAnchor(name))}"><h3>${escapeHtml(name)}</h3>` +
      (typeof schema.description === 'string' ? `<p>${codeSpans(schema.description)}</p>` : '') +
      `${schemaHtml(schema, document.components.schemas, locale, { expand: true })}${jsonDetails(schema, t)}</article>`,
  );
  return `<section id="schemas"><h2>${escapeHtml(t.schemas)}</h2>${entries.join('')}</section>`;
}
