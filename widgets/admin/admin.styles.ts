import { css } from 'lit';

export const adminStyles = css`
  .ngo-root {
    max-width: var(--ngo-admin-max-width, 72em);
    padding: var(--_ngo-space);
  }
  form {
    max-width: 28em;
  }
  .title {
    margin-block-end: var(--_ngo-space);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em var(--_ngo-space);
    padding-block-end: 0.75em;
    margin-block-end: var(--_ngo-space);
    border-block-end: 1px solid var(--_ngo-border);
  }
  .who {
    color: var(--_ngo-muted);
  }
  .layout {
    display: grid;
    /* minmax(0, …): the open section never grows past the screen to fit a wide table or form (its table-wrap scrolls instead). */
    grid-template-columns: minmax(10em, 14em) minmax(0, 1fr);
    gap: var(--_ngo-space);
    align-items: start;
  }
  @media (max-width: 40em) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  nav ul {
    list-style: none;
    padding: 0;
    display: grid;
    gap: 0.25em;
  }
  nav button {
    width: 100%;
    justify-content: flex-start;
    text-align: start;
    gap: 0.5em;
    background: var(--_ngo-bg);
    color: var(--_ngo-accent);
    border-color: transparent;
    font-weight: 400;
  }
  nav button[aria-current='page'] {
    background: var(--_ngo-surface);
    border-color: var(--_ngo-accent);
    border-inline-start-width: 4px;
    font-weight: 700;
  }
  nav .badge {
    margin-inline-start: auto;
    min-width: 1.5em;
    padding: 0 0.4em;
    border-radius: 1em;
    background: var(--_ngo-accent);
    color: var(--_ngo-bg);
    font-weight: 700;
    text-align: center;
  }
  button.link {
    min-height: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_ngo-accent);
    text-decoration: underline;
    font-weight: 600;
  }
  .section h3 {
    margin-block-end: 0.75em;
  }
`;
