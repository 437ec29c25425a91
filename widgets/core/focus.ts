import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Focus after a render, for public widgets (a staff section has `focusAfter`): `later(selector)`
 * focuses the first element matching `selector` in the widget's shadow root after the next render
 * that shows it, waiting for data if it must; a later call wins. A widget keeps one of these
 * instead of its own `focusNext` field and `updated()` hook.
 */
export class FocusController implements ReactiveController {
  private selector = '';

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment },
    /** How a found element is focused (e.g. an error summary through `focusErrorSummary`). */
    private readonly focus: (el: HTMLElement) => void = (el) => el.focus(),
  ) {
    host.addController(this);
  }

  /** Focuses `selector` once it is rendered. */
  later(selector: string): void {
    this.selector = selector;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    if (!this.selector) return;
    const el = this.host.renderRoot.querySelector<HTMLElement>(this.selector);
    if (!el) return;
    this.selector = '';
    this.focus(el);
  }
}
