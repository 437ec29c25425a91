import { html, raw } from 'hono/html';

/**
 * Server-rendered HTML goes through `hono/html`: every value interpolated into `html\`…\`` is
 * escaped, nested `html` fragments (and arrays of them) are not, and `raw()` marks the few trusted
 * strings (a style sheet of our own). `page()` turns a template into the string a handler sends.
 */
export { html, raw };

/** The finished markup of a template with no async parts. */
export const page = (template: ReturnType<typeof html>): string => {
  if (template instanceof Promise) throw new Error('page(): async HTML templates are not used here');
  return template.toString();
};

/**
 * A `<script type="application/ld+json">` block (schema.org data) of `value`. `<`, `>` and `&` are
 * written as JSON escapes, so no text in the data (a title with `</script>`) can end the block.
 */
export const jsonLd = (value: unknown) =>
  raw(`<script type="application/ld+json">${JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}</script>`);
