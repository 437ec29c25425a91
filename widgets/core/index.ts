/** The widgets core: import from here in widget modules. */
export { defineOnce } from './define.js';
export { NgoElement, DEFAULT_API_BASE, resolveLang } from './base.element.js';
export * from './events.js';
export { ApiError, request, newIdempotencyKey, type RequestOptions } from './api.js';
export * from './i18n/index.js';
export { theme } from './theme.js';
export { field, inputField, errorSummary, focusErrorSummary, statusRegion, type FieldOptions, type InputFieldOptions, type ControlAttrs, type SummaryError } from './forms.js';
export { ChallengeController } from './pow.js';
export { solveChallenge, solveAltcha } from './pow.solver.js';
export { FormState, forgetDrafts, type FieldErrors, type FormStateOptions, type CloseAnswer } from './form-state.js';
export { SubmitController, linkState, type SubmitRequest, type SubmitOutcome } from './submit.js';
export * from './public-form.js';
