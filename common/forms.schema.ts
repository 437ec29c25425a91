import * as z from './zod.js';
import { AbuseSchema } from './abuse.schema.js';
import { LANGS } from './taxonomy.js';
import { CONTACT_LIMITS } from './forms.js';

/**
 * What every public form sends besides its own fields (the public-form kit, docs/modules.md):
 * - `AnonymousWrite`: the language of the answer and its mails, and the anti-abuse fields;
 * - `Contact`: the person who writes, for the e-mailed link and the answer (never published);
 * - `Consent`: the ticked box under the information clause (GET /v1/clauses/{form}).
 *
 * A module's input extends one of these:
 * `export const AdviceInput = PersonalWrite.extend({ topic: …, question: … })`, and its widget sends
 * `{ …fields, contact: { name, email }, consent: true, lang }` (the kit adds `abuse`).
 */

export { CONTACT_LIMITS };

export const Contact = z
  .object({
    name: z.displayName().trim().min(CONTACT_LIMITS.nameMin).max(CONTACT_LIMITS.name),
    email: z.email().max(CONTACT_LIMITS.email),
  })
  .meta({ id: 'Contact', description: 'Who writes: for the e-mailed link and the answer; never published' });
export type Contact = z.output<typeof Contact>;

export const Consent = z
  .literal(true, { message: 'Consent to the information clause is required' })
  .meta({ id: 'Consent', description: 'The information clause of the form (GET /v1/clauses/{form}) was shown and accepted' });

/** Every anonymous write: the language of the answer and the mails, and the anti-abuse fields (`abuse.ts`). */
export const AnonymousWrite = z.object({
  lang: z.enum(LANGS).default('pl'),
  abuse: AbuseSchema,
});

/** An anonymous write that collects personal data: the contact and the consent to the clause. */
export const PersonalWrite = AnonymousWrite.extend({
  contact: Contact,
  consent: Consent,
});
