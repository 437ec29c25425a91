import { css, unsafeCSS } from 'lit';
import leafletCss from 'leaflet/dist/leaflet.css';

export const leafletStyles = unsafeCSS(leafletCss);

export const mapStyles = css`
  /* Sizes are px, not rem: a host page may set a huge root font size. */
  :host {
    container-type: inline-size;
    --_ngo-map-height: var(--ngo-map-height, 520px);
  }
  .ngo-root {
    display: grid;
    gap: var(--_ngo-space);
  }
  form[role='search'] {
    display: grid;
    gap: 0.75em;
    grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
    align-items: end;
    padding: var(--_ngo-space);
    background: var(--_ngo-surface);
    border-radius: var(--_ngo-radius);
  }
  form[role='search'] .wide {
    grid-column: 1 / -1;
  }
  label {
    font-weight: 600;
    display: block;
  }
  .hint {
    color: var(--_ngo-muted);
    font-size: 0.875em;
  }
  .check {
    display: flex;
    gap: 0.5em;
    align-items: center;
    font-weight: 400;
  }
  .check input {
    width: 1.25em;
    min-height: 1.25em;
    height: 1.25em;
    flex: none;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    justify-content: space-between;
  }
  .toggle {
    display: inline-flex;
    gap: 0.25em;
  }
  .toggle button[aria-pressed='false'] {
    background: var(--_ngo-bg);
    color: var(--_ngo-accent);
  }
  .panes {
    display: grid;
    gap: var(--_ngo-space);
  }
  .list {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.5em;
  }
  /* "Find a place" above the map: the field and its button wrap under each other on narrow screens. */
  form.places {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    align-items: stretch;
    gap: 0.25em;
    margin-block-end: 0.5em;
  }
  .places label {
    font-weight: 600;
  }
  .places .hint {
    color: var(--_ngo-muted, #555);
    font-size: 0.875em;
  }
  .places-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .places-row input {
    flex: 1 1 12em;
    min-width: 0;
  }
  .places-status {
    margin: 0;
  }
  .places-status:empty {
    display: none;
  }
  .places-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.25em;
  }
  /* Each place starts at the field's edge: the kit's buttons centre their content, which set one-line names in the middle and wrapped ones at the start. */
  .places-list button {
    width: 100%;
    justify-content: flex-start;
    text-align: start;
    overflow-wrap: break-word;
  }
  /* Wrapped under the field on a narrow screen, the button takes the whole row as the field does. */
  .places-row button {
    flex: 1 0 auto;
  }
  @media (min-width: 30em) {
    .places-row button {
      flex-grow: 0;
    }
  }
  .skip:not(:focus) {
    position: absolute;
    width: 1px;
    height: 1px;
    min-height: 0;
    padding: 0;
    border: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .skip:focus {
    margin-bottom: 0.5em;
  }
  /* The end of the map, where "skip the map" lands: seen only while it holds focus. */
  .after-map:not(:focus) {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .after-map:focus {
    margin: 0.5em 0 0;
    padding: 0.25em 0.5em;
  }
  button.item {
    display: grid;
    justify-content: stretch;
    justify-items: start;
    grid-template-columns: 100%;
    gap: 0.15em;
    width: 100%;
    text-align: start;
    background: var(--_ngo-bg);
    color: var(--_ngo-text);
    border: 1px solid var(--_ngo-border);
    font-weight: 400;
  }
  button.item[aria-current='true'] {
    border: 3px solid var(--_ngo-accent);
  }
  .item .name {
    font-weight: 700;
    color: var(--_ngo-accent);
  }
  .item .meta {
    color: var(--_ngo-muted);
    font-size: 0.875em;
  }
  .map {
    height: var(--_ngo-map-height);
    min-height: 260px;
    border: 1px solid var(--_ngo-border);
    border-radius: var(--_ngo-radius);
  }
  .details {
    border: 2px solid var(--_ngo-accent);
    border-radius: var(--_ngo-radius);
    padding: var(--_ngo-space);
    background: var(--_ngo-bg);
    display: grid;
    gap: 0.5em;
  }
  .details header {
    display: flex;
    justify-content: space-between;
    gap: 0.5em;
    align-items: start;
  }
  .details dl {
    display: grid;
    grid-template-columns: minmax(8em, max-content) 1fr;
    gap: 0.25em 1em;
    margin: 0;
  }
  .details dt {
    font-weight: 600;
  }
  .details dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  [hidden] {
    display: none !important;
  }
  .ngo-pin {
    width: 24px;
    height: 24px;
    border-radius: 50% 50% 50% 0;
    transform: rotate(-45deg);
    background: var(--_ngo-accent);
    border: 2px solid #fff;
    box-shadow: 0 0 0 1px #1b1b1b;
  }
  .ngo-pin.ngo-selected {
    background: #b00020;
    z-index: 1000 !important;
  }
  .ngo-cluster {
    display: flex !important;
    align-items: center;
    justify-content: center;
    border-radius: 50%;
    background: var(--_ngo-accent);
    color: var(--_ngo-accent-text);
    font: 700 14px/1 system-ui, sans-serif;
    border: 3px solid #fff;
    box-shadow: 0 0 0 1px #1b1b1b;
  }
  .leaflet-container :focus-visible,
  .leaflet-marker-icon:focus-visible {
    outline: 3px solid #1a5fb4;
    outline-offset: 2px;
  }
  /* A focused marker or cluster comes above its neighbours, so their icons never cover its ring or number. */
  .leaflet-marker-icon:focus,
  .leaflet-marker-icon:focus-visible {
    z-index: 100000 !important;
  }
  .leaflet-container {
    font: 12px/1.5 system-ui, sans-serif;
  }
  .leaflet-control-attribution a {
    color: #0050a0;
  }
  @container (min-width: 760px) {
    .panes {
      grid-template-columns: minmax(280px, 2fr) 3fr;
    }
    /* Beside the map, the list scrolls within the map's height; on narrow screens the page itself scrolls. */
    .list-pane {
      max-height: var(--_ngo-map-height);
      overflow: auto;
    }
    .panes > [data-pane] {
      display: block !important;
    }
    .toggle {
      display: none;
    }
  }
`;
