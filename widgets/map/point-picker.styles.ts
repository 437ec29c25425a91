import { css } from 'lit';

/** Styles of `<ngo-point-picker>`, after the theme, the form styles and Leaflet's own. */
export const pointPickerStyles = css`
  :host {
    display: block;
  }
  .pick-map {
    height: var(--ngo-point-picker-height, 280px);
    margin-block: 0.5em;
    border: 1px solid var(--_ngo-border);
    border-radius: var(--_ngo-radius);
    /* A crosshair says "click to place"; touch screens tap. */
    cursor: crosshair;
  }
  .pick-map + button {
    margin-block-end: var(--_ngo-space);
  }
  .ngo-pick {
    width: 28px;
    height: 28px;
    border-radius: 50% 50% 50% 0;
    transform: rotate(-45deg);
    background: #b00020;
    border: 2px solid #fff;
    box-shadow: 0 0 0 1px #1b1b1b;
    cursor: grab;
  }
  .leaflet-container:focus-visible,
  .leaflet-container :focus-visible,
  .ngo-pick:focus-visible {
    outline: 3px solid #1a5fb4;
    outline-offset: 2px;
  }
  .leaflet-container {
    font: 12px/1.5 system-ui, sans-serif;
  }
`;
