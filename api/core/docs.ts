/** A readable, self-contained API reference rendered from the OpenAPI document (no CDN, no script). */
export function docsPage(doc: { info: { title: string; description?: string }; paths?: Record<string, Record<string, any>> }): string {
  const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  const ops: string[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      const params = (op.parameters ?? []) as { name: string; in: string; required?: boolean; description?: string }[];
      const responses = Object.entries(op.responses ?? {}).map(([code, r]: [string, any]) => `<li><code>${esc(code)}</code> ${esc(r.description)}</li>`).join('');
      ops.push(`<section><h3><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
<p>${esc(op.summary)}</p>${params.length ? `<table><caption>Parameters</caption><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Required</th></tr>${params.map((p) => `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${p.required ? 'yes' : 'no'}</td></tr>`).join('')}</table>` : ''}
${op.requestBody ? '<p>Body: <code>application/json</code> (see the schema in <a href="/v1/openapi.json">openapi.json</a>)</p>' : ''}<details><summary>Responses</summary><ul>${responses}</ul></details></section>`);
    }
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(doc.info.title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a}code{background:#f3f3f3;padding:0 .2em}section{border-top:1px solid #ccc;padding:.5rem 0}.m{display:inline-block;min-width:4.5em;font-size:.8em;padding:.1em .4em;border-radius:3px;color:#fff;background:#35506b}.m.post{background:#1d6b3a}.m.delete{background:#8f1d1d}.m.patch,.m.put{background:#6b4b1d}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}</style></head>
<body><main><h1>${esc(doc.info.title)}</h1><p>${esc(doc.info.description)}</p><p>Machine-readable: <a href="/v1/openapi.json">/v1/openapi.json</a> (OpenAPI 3.1).</p>${ops.join('\n')}</main></body></html>`;
}
