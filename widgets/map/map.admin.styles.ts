import { css } from 'lit';

/** The map section's own styles, on top of the panel's `sectionStyles`. */
export const mapAdminStyles = css`
  h5 {
    margin-block-start: var(--_ngo-space);
  }
`;
