import { CLAUSE_FORMS, type ModuleClauseForm } from './modules.js';

/**
 * Forms that collect personal data, each showing an information clause (RODO art. 13). The texts
 * are data: staff configure them in the panel's "settings" section, and until they do the server
 * serves a default per language. A module names its form as `clauseForm` in `common/modules.ts`
 * and gives a default in `api/core/clauses.defaults.ts`.
 */
export { CLAUSE_FORMS };
export type ClauseForm = ModuleClauseForm;

/** Longest clause text, per language, in characters. */
export const CLAUSE_MAX = 8000;

export const isClauseForm = (s: string): s is ClauseForm => (CLAUSE_FORMS as readonly string[]).includes(s);
