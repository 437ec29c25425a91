import { css } from 'lit';

export const eventsStyles = css`
  .ngo-root {
    display: flex;
    flex-direction: column;
    gap: var(--_ngo-space);
  }
  .title {
    font-size: 1.5em;
  }
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
    gap: 0.75em;
    align-items: end;
    padding: 0.75em;
    background: var(--_ngo-surface);
    border-radius: var(--_ngo-radius);
  }
  .filters .ngo-field {
    margin: 0;
  }
  .checks {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1em;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: 0.5em;
  }
  .views {
    display: inline-flex;
    gap: 0.25em;
  }
  .views [aria-pressed='true'] {
    background: var(--_ngo-accent);
    color: var(--_ngo-accent-text);
  }
  .feeds {
    display: flex;
    flex-wrap: wrap;
    gap: 1em;
  }
  .feeds a,
  .links a {
    display: inline-flex;
    align-items: center;
    min-height: 2.75em;
  }
  .hint,
  .count {
    font-size: 0.875em;
    color: var(--_ngo-muted);
  }
  .list {
    list-style: none;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 0.5em;
  }
  .item {
    display: grid;
    width: 100%;
    justify-content: stretch;
    justify-items: start;
    text-align: start;
    gap: 0.125em;
    background: var(--_ngo-bg);
    color: var(--_ngo-text);
    border: 1px solid var(--_ngo-border);
    font-weight: 400;
  }
  .item-title {
    font-weight: 700;
    color: var(--_ngo-accent);
  }
  .item-meta {
    color: var(--_ngo-muted);
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
  }
  .badge {
    display: inline-block;
    padding: 0 0.5em;
    border: 1px solid var(--_ngo-border);
    border-radius: 1em;
    font-size: 0.875em;
    font-weight: 600;
    background: var(--_ngo-surface);
    color: var(--_ngo-text);
  }
  .badge.full,
  .badge.cancelled {
    border-color: var(--_ngo-danger);
    color: var(--_ngo-danger);
    background: var(--_ngo-bg);
  }
  .back,
  .more {
    align-self: flex-start;
  }
  .details,
  .panel {
    display: flex;
    flex-direction: column;
    gap: 0.75em;
  }
  .details h3,
  .panel h3 {
    font-size: 1.375em;
  }
  dl {
    display: grid;
    grid-template-columns: minmax(8em, max-content) 1fr;
    gap: 0.25em 1em;
    margin: 0;
  }
  dt {
    font-weight: 700;
  }
  dd {
    margin: 0;
  }
  .plain {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .description p + p {
    margin-block-start: 0.5em;
  }
  .registration {
    padding: 0.75em;
    border: 1px solid var(--_ngo-border);
    border-radius: var(--_ngo-radius);
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    align-items: flex-start;
  }
  .registration h4 {
    margin: 0;
    font-size: 1.125em;
  }
  .state-waiting .reg-state,
  .state-full .reg-state,
  .state-closed .reg-state {
    color: var(--_ngo-danger);
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 1em;
  }
  fieldset {
    border: 1px solid var(--_ngo-border);
    border-radius: var(--_ngo-radius);
    padding: 0.75em;
    margin: 0;
    min-width: 0;
  }
  legend {
    font-weight: 700;
    padding: 0 0.25em;
  }
  textarea {
    resize: vertical;
  }
  .notice {
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_ngo-accent);
    background: var(--_ngo-surface);
  }
  .qr {
    margin: 0;
  }
  .qr img {
    display: block;
    background: #fff;
  }
  .ask {
    padding: 0.75em;
    border: 2px solid var(--_ngo-danger);
    border-radius: var(--_ngo-radius);
  }
  .sessions .skipped {
    color: var(--_ngo-muted);
  }
  @media (max-width: 30em) {
    dl {
      grid-template-columns: 1fr;
    }
    dd {
      margin-block-end: 0.5em;
    }
  }
`;
