import { css } from 'lit';

/**
 * Shared styles: the `--ngo-*` tokens with their defaults, and a reset that keeps host-page CSS out.
 *
 * Page rules cannot reach into the shadow root, but inherited properties (font, line-height, color,
 * letter-spacing, text-transform…) flow in through the host element, and page rules on the host
 * element itself beat `:host`. So the widget's root element (`.ngo-root`, usually `part="base"`)
 * and every control set those properties explicitly.
 *
 * Tokens (all optional): `--ngo-font-family`, `--ngo-font-size`, `--ngo-line-height`,
 * `--ngo-color-text`, `--ngo-color-muted`, `--ngo-color-bg`, `--ngo-color-surface`,
 * `--ngo-color-border`, `--ngo-color-accent`, `--ngo-color-accent-text`, `--ngo-color-danger`,
 * `--ngo-radius`, `--ngo-space`, `--ngo-focus-ring`.
 */
export const theme = css`
  :host {
    display: block;
    --_ngo-font: var(--ngo-font-family, system-ui, sans-serif);
    --_ngo-text: var(--ngo-color-text, #1b1b1b);
    --_ngo-muted: var(--ngo-color-muted, #555);
    --_ngo-bg: var(--ngo-color-bg, #fff);
    --_ngo-surface: var(--ngo-color-surface, #f3f4f6);
    --_ngo-border: var(--ngo-color-border, #767676);
    --_ngo-accent: var(--ngo-color-accent, #0050a0);
    --_ngo-accent-text: var(--ngo-color-accent-text, #fff);
    --_ngo-danger: var(--ngo-color-danger, #b00020);
    --_ngo-radius: var(--ngo-radius, 0.25em);
    --_ngo-space: var(--ngo-space, 1em);
    --_ngo-focus: var(--ngo-focus-ring, 0 0 0 3px #fff, 0 0 0 6px #1a5fb4);
  }
  :host([hidden]) {
    display: none;
  }
  .ngo-root {
    all: initial;
    display: block;
    box-sizing: border-box;
    font-family: var(--_ngo-font);
    font-size: var(--ngo-font-size, medium);
    line-height: var(--ngo-line-height, 1.5);
    color: var(--_ngo-text);
    background: var(--_ngo-bg);
    text-align: start;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h2, h3, p, ul {
    margin: 0;
  }
  h2, h3 {
    font-size: 1.25em;
    line-height: 1.25;
  }
  button, input, select, textarea {
    font: inherit;
    color: inherit;
    letter-spacing: inherit;
    text-transform: none;
    margin: 0;
  }
  input, select, textarea {
    display: block;
    width: 100%;
    min-height: 2.75em;
    padding: 0.5em 0.75em;
    background: var(--_ngo-bg);
    color: var(--_ngo-text);
    border: 1px solid var(--_ngo-border);
    border-radius: var(--_ngo-radius);
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: 2.75em;
    padding: 0.5em 1em;
    border: 1px solid var(--_ngo-accent);
    border-radius: var(--_ngo-radius);
    background: var(--_ngo-accent);
    color: var(--_ngo-accent-text);
    font-weight: 600;
    cursor: pointer;
  }
  button.ngo-secondary {
    background: var(--_ngo-bg);
    color: var(--_ngo-accent);
  }
  button[disabled] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  a {
    color: var(--_ngo-accent);
  }
  :focus-visible {
    outline: 2px solid transparent;
    box-shadow: var(--_ngo-focus);
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [aria-invalid='true'] {
    border-color: var(--_ngo-danger);
    border-width: 2px;
  }
  .ngo-error {
    color: var(--_ngo-danger);
    font-weight: 600;
  }
  /* Text for screen readers only. */
  .ngo-sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
