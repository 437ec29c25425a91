/**
 * Rollup plugin (also used by web-test-runner through `fromRollup`): `import css from './x.css'`
 * gives the stylesheet as a string, for `unsafeCSS(css)` inside a shadow root.
 * @returns {import('rollup').Plugin}
 */
export function cssString() {
  return {
    name: 'ngo-css-string',
    transform(code, id) {
      if (!id.split('?')[0].endsWith('.css')) return null;
      return { code: `export default ${JSON.stringify(code)};`, map: { mappings: '' } };
    },
  };
}
