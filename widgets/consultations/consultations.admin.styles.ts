import { css } from 'lit';

/** The consultations section's own styles, on top of the panel's `sectionStyles`. */
export const consultationsAdminStyles = css`
  /* The export links: one per format, apart and wrapping on phones. */
  .downloads {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 1rem;
  }
  .ngo-root > * + *,
  .ngo-part > * + *,
  form > * + * {
    margin-block-start: var(--_ngo-space);
  }
  h4 {
    margin: 0;
  }
  [role='tablist'] {
    margin-block-end: 0;
  }
  .row.spread {
    justify-content: space-between;
    align-items: center;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0;
    min-width: 0;
  }
  fieldset.box {
    border: 1px solid var(--_ngo-border);
    border-radius: var(--_ngo-radius);
    padding: var(--_ngo-space);
  }
  .attachment + .attachment,
  .attachment + button,
  .attachments p + button {
    margin-block-start: var(--_ngo-space);
  }
  label.check {
    display: flex;
    gap: 0.5em;
    align-items: center;
    min-height: 2.75em;
  }
  label.check input {
    width: 1.25em;
    min-height: 1.25em;
    flex: none;
  }
  #document {
    min-height: 16em;
  }
  dl {
    margin: 0 0 var(--_ngo-space);
  }
  .text {
    white-space: pre-wrap;
  }
  .units {
    padding: 0;
    list-style: none;
  }
  .units li {
    padding-inline-start: calc(var(--_depth, 0) * 1.5em);
    margin-block-end: 0.25em;
  }
  .preview-warnings {
    border-inline-start: 4px solid var(--_ngo-danger);
    padding: 0.25em 0.75em;
    margin-block-end: var(--_ngo-space);
  }
  .preview-warnings ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .state {
    color: var(--_ngo-muted);
  }
  .state.saved {
    color: var(--_ngo-text);
    font-weight: 600;
  }
  .ngo-part > .ngo-form-error:empty {
    margin: 0;
  }
`;
