import { css } from 'lit';

/**
 * The layout of a long public form in sections: its title and intro, each `fieldset` a bordered
 * section with its `legend` as the heading, nested fieldsets flat. Used after `formStyles` by the
 * forms that have sections (the map's contribution form, the advice form and status page); a
 * widget sets its own `.ngo-root` width.
 */
export const formSectionStyles = css`
  .ngo-root {
    padding: var(--_ngo-space);
  }
  .title {
    margin-block-end: 0.5em;
  }
  .intro {
    margin-block-end: var(--_ngo-space);
  }
  fieldset {
    display: block;
    min-width: 0;
    margin: 0 0 var(--_ngo-space);
    padding: 0.75em var(--_ngo-space) 0;
    border: 1px solid var(--_ngo-border);
    border-radius: var(--_ngo-radius);
  }
  fieldset fieldset {
    border: 0;
    padding: 0;
  }
  legend {
    padding: 0 0.25em;
    font-size: 1.1em;
    font-weight: 700;
  }
`;
