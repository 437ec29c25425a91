import { html, nothing, type TemplateResult } from 'lit';
import type { FormState } from './form-state.js';
import { tFormKit } from './form.i18n.js';
import { formatDateTime, type Lang } from './i18n/index.js';

/**
 * "Your unsent draft from … is back", with a button that clears the form, when a kept draft came back.
 * The button goes with the notice, so focus moves on after clearing: to `onClear`'s choice, else to
 * the first field of the form around the notice (never to `<body>`).
 */
export function draftNotice<D extends object>(state: FormState<D>, lang: Lang, o: { onClear?: () => void; answers?: boolean } = {}): TemplateResult | typeof nothing {
  if (!state.restoredAt) return nothing;
  const { onClear } = o;
  // A form without contact fields (a survey) keeps answers: its notice says so, and nothing about a name or an e-mail address.
  const key = (k: 'restored' | 'kept' | 'clear') => (o.answers ? (`form.draft.${k}_answers` as const) : (`form.draft.${k}` as const));
  const clear = (e: Event) => {
    const form = (e.currentTarget as HTMLElement).closest('form');
    state.reset();
    void state.updated().then(() => (onClear ? onClear() : form?.querySelector<HTMLElement>('input:not([type=hidden]):not([tabindex="-1"]), textarea, select')?.focus()));
  };
  return html`<div class="ngo-draft" part="draft">
    <span>${tFormKit(lang, key('restored'), { date: formatDateTime(lang, state.restoredAt) })} <span class="ngo-hint">${tFormKit(lang, key('kept'))}</span></span>
    <button type="button" class="ngo-secondary" @click=${clear}>${tFormKit(lang, key('clear'))}</button>
  </div>`;
}
