import type { Messages } from './i18n/index.js';
import type { FormSource } from './form.i18n.js';

/** English strings of the public-form kit; loaded only when a form shows in English. */
const en: Messages<FormSource> = {
  'form.clause': 'Information clause',
  'form.clause_unavailable': 'The information clause on the processing of personal data could not be loaded.',
  'form.honeypot': 'Leave this field empty',
  'form.err.person': 'Enter your full name, at least 2 characters.',
  'form.err.too_long': 'The text is too long.',
  'form.err.consent': 'To send the form, tick the consent box.',
  'form.discard.title': 'Discard typed text?',
  'form.discard.text': 'The form holds text that has not been sent. You can close the form and keep the text as a draft on this device, or discard it.',
  'form.discard.back': 'Back to the form',
  'form.discard.keep': 'Close and keep the draft',
  'form.discard.discard': 'Discard the text',
  'form.draft.restored': 'Your unsent draft from {date} is back.',
  'form.draft.clear': 'Clear the form',
  'form.draft.restored_answers': 'Welcome back! We kept your answers from {date}, so you can carry on where you left off.',
  'form.draft.kept_answers': 'Your answers are saved only in this browser, on this device, and do not reach us until you send the survey. They are deleted once you send it, or after 30 days. Want to start again? Use “Delete saved answers”.',
  'form.draft.clear_answers': 'Delete saved answers',
  'form.draft.kept': 'The draft is kept in this browser only, without your name and e-mail address (those go when the page closes). It is deleted once sent, when you choose “Clear the form”, or after 30 days.',
  'form.link.incomplete': 'The link is incomplete.',
  'form.link.incomplete_help': 'The address from the e-mail was cut off or changed when it was copied. Open the link again straight from the message, or copy all of it.',
};

export default en;
