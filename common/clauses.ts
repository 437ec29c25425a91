/**
 * Forms that collect personal data, each showing an information clause (RODO art. 13). The texts
 * are data: staff configure them in the panel's "settings" section, and until they do the server
 * serves a default per language. A new form adds its slug here and a default in
 * `api/core/clauses.defaults.ts`.
 */
export const CLAUSE_FORMS = ['map', 'consultations'] as const;
export type ClauseForm = (typeof CLAUSE_FORMS)[number];

/** Longest clause text, per language, in characters. */
export const CLAUSE_MAX = 8000;

export const isClauseForm = (s: string): s is ClauseForm => (CLAUSE_FORMS as readonly string[]).includes(s);
