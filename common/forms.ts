/**
 * What the public forms share that widgets need at run time, without zod: a widget that imports a
 * `*.schema.ts` module carries zod (tens of kB, and an eval probe that a strict host CSP reports).
 */

/** Limits of the contact fields, shared by the schemas (forms.schema.ts) and the widgets' `maxlength`. */
export const CONTACT_LIMITS = { nameMin: 2, name: 200, email: 254 } as const;
