import { css } from 'lit';

export const monthStyles = css`
  .bar {
    display: flex;
    align-items: center;
    gap: 0.5em;
    flex-wrap: wrap;
    margin-block-end: 0.5em;
  }
  .month-title {
    flex: 1;
    text-align: center;
  }
  .month-title::first-letter {
    text-transform: uppercase;
  }
  .bar button {
    min-width: 2.75em;
  }
  .help {
    font-size: 0.875em;
    color: var(--_ngo-muted);
    margin-block-end: 0.5em;
  }
  table {
    width: 100%;
    table-layout: fixed;
    border-collapse: collapse;
  }
  th {
    font-size: 0.875em;
    font-weight: 600;
    padding: 0.25em;
    color: var(--_ngo-muted);
  }
  .day {
    vertical-align: top;
    height: var(--ngo-events-day-height, 5.5em);
    padding: 0.25em;
    border: 1px solid var(--_ngo-border);
    cursor: pointer;
    overflow: hidden;
  }
  .day:focus-visible, .day:focus {
    outline: 3px solid var(--_ngo-accent);
    outline-offset: -3px;
  }
  .day.outside {
    background: var(--_ngo-surface);
    color: var(--_ngo-muted);
  }
  .day[aria-current='date'] .num {
    background: var(--_ngo-accent);
    color: var(--_ngo-accent-text);
    border-radius: 999px;
    padding: 0 0.4em;
  }
  .day[aria-selected='true'] {
    box-shadow: inset 0 0 0 2px var(--_ngo-accent);
  }
  .num {
    font-weight: 600;
  }
  .titles {
    display: block;
    font-size: 0.75em;
    line-height: 1.3;
  }
  .title {
    display: block;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    border-inline-start: 3px solid var(--_ngo-accent);
    padding-inline-start: 0.25em;
    margin-block-start: 0.15em;
  }
  .title.cancelled {
    text-decoration: line-through;
    border-color: var(--_ngo-muted);
  }
  .more {
    display: block;
    font-weight: 600;
  }
  .agenda {
    margin-block-start: 1em;
    padding: 0.75em;
    border: 1px solid var(--_ngo-border);
    border-radius: var(--_ngo-radius);
  }
  .agenda ul {
    list-style: none;
    padding: 0;
    margin: 0.5em 0;
    display: grid;
    gap: 0.5em;
  }
  .event {
    width: 100%;
    justify-content: flex-start;
    text-align: start;
    flex-wrap: wrap;
  }
  .event .time {
    font-weight: 400;
    min-width: 7em;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  @media (max-width: 30em) {
    .titles {
      display: none;
    }
    .day.has-events .num::after {
      content: '•';
      display: block;
      color: var(--_ngo-accent);
    }
    .day {
      height: 3em;
      text-align: center;
    }
  }
`;
