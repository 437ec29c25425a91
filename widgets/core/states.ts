import { html, type TemplateResult } from 'lit';
import { t, type Lang } from './i18n/index.js';

/**
 * A public widget's load that failed: the message (already in `lang`, e.g. `ts.error(lang, err)`)
 * announced as an alert, and a Retry button. A staff section has `renderTask` instead.
 */
export function loadFailed(lang: Lang, message: string, retry: () => unknown): TemplateResult {
  return html`<div role="alert"><p class="ngo-error">${message}</p><button type="button" @click=${() => void retry()}>${t(lang, 'retry')}</button></div>`;
}
