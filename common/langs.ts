/**
 * The widgets' and the server's languages, apart from the taxonomy (common/taxonomy.ts re-exports
 * them), so the translator core and the widgets' shared chunk do not carry Kraków's districts.
 */
export const LANGS = ['pl', 'en', 'uk'] as const;
export type Lang = (typeof LANGS)[number];
export type Labels = Record<Lang, string>;
