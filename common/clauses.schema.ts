import * as z from './zod.js';
import { CLAUSE_FORMS, CLAUSE_MAX } from './clauses.js';

const Texts = { pl: z.string(), en: z.string(), uk: z.string() };

/** `GET /v1/clauses/{form}`: the clause in every language, the configured text or else the default. */
export const Clause = z
  .object({
    form: z.enum(CLAUSE_FORMS),
    ...Texts,
    updatedAt: z.string().nullable().meta({ description: 'When staff last saved this clause; null while it has never been configured' }),
  })
  .meta({ id: 'InformationClause' });
export type Clause = z.infer<typeof Clause>;

/** A clause as the staff panel sees it: which languages still fall back to the default. */
export const StaffClause = Clause.extend({
  isDefault: z.object({ pl: z.boolean(), en: z.boolean(), uk: z.boolean() }),
}).meta({ id: 'StaffInformationClause' });
export type StaffClause = z.infer<typeof StaffClause>;

const Text = z.string().trim().max(CLAUSE_MAX).meta({ description: 'Plain text, paragraphs separated by blank lines; empty means "use the default"' });

/** `PUT /v1/admin/settings/clauses/{form}`: every language; an empty (or blank) text restores the default. */
export const ClauseInput = z.strictObject({ pl: Text, en: Text, uk: Text }).meta({ id: 'InformationClauseInput' });
export type ClauseInput = z.infer<typeof ClauseInput>;
