import { html, page, raw } from './html.js';

const STYLE = 'body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a}code{background:#f3f3f3;padding:0 .2em}section{border-top:1px solid #ccc;padding:.5rem 0}.m{display:inline-block;min-width:4.5em;font-size:.8em;padding:.1em .4em;border-radius:3px;color:#fff;background:#35506b}.m.post{background:#1d6b3a}.m.delete{background:#8f1d1d}.m.patch,.m.put{background:#6b4b1d}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}';

/** A readable, self-contained API reference rendered from the OpenAPI document (no CDN, no script). */
export function docsPage(doc: { info: { title: string; description?: string }; paths?: Record<string, Record<string, any>> }): string {
  const text = (s: unknown) => String(s ?? '');
  const ops = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => {
      const params = (op.parameters ?? []) as { name: string; in: string; required?: boolean; description?: string }[];
      const responses = Object.entries(op.responses ?? {}).map(([code, r]: [string, any]) => html`<li><code>${code}</code> ${text(r.description)}</li>`);
      const table = params.length
        ? html`<table><caption>Parameters</caption><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Required</th></tr>${params.map((p) => html`<tr><td><code>${p.name}</code></td><td>${p.in}</td><td>${p.required ? 'yes' : 'no'}</td></tr>`)}</table>`
        : '';
      const security = (op.security ?? []) as Record<string, string[]>[];
      const auth = security.some((s) => 'csrfHeader' in s)
        ? html`<p>Staff only: the session cookie (<code>cookieAuth</code>) and the <code>X-CSRF-Token</code> header (<code>csrfHeader</code>).</p>`
        : security.some((s) => 'cookieAuth' in s)
          ? html`<p>Staff only: the session cookie (<code>cookieAuth</code>).</p>`
          : '';
      const body = op.requestBody ? html`<p>Body: <code>application/json</code> (see the schema in <a href="/v1/openapi.json">openapi.json</a>)</p>` : '';
      return html`<section><h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${path}</code></h3>
<p>${text(op.summary)}</p>${auth}${table}
${body}<details><summary>Responses</summary><ul>${responses}</ul></details></section>`;
    }),
  );
  return page(html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${doc.info.title}</title>
<style>${raw(STYLE)}</style></head>
<body><main><h1>${doc.info.title}</h1><p>${text(doc.info.description)}</p><p>Machine-readable: <a href="/v1/openapi.json">/v1/openapi.json</a> (OpenAPI 3.1).</p>${ops.map((o, i) => (i ? html`\n${o}` : o))}</main></body></html>`);
}
