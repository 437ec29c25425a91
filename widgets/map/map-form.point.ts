import type { TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import type { FormState } from '../core/form-state.js';
import type { Lang } from '../core/i18n/index.js';
import type { Draft } from './map-form.model.js';
import type { NgoPointChangeEvent } from './point-picker.element.js';

/** The map where the form's point is picked: `<ngo-point-picker>`, loaded the first time it shows. */
export function pointPicker(form: FormState<Draft>, o: { lang: Lang; tiles: string; boundaries: string }): TemplateResult {
  void import('./point-picker.js').catch((err: unknown) => console.warn('[ngo] <ngo-map-form>: the picking map could not load:', err));
  return html`<ngo-point-picker
    part="pick-map"
    lang=${o.lang}
    lat=${form.values.lat}
    lon=${form.values.lon}
    tiles=${o.tiles}
    boundaries=${o.boundaries}
    @change=${(e: NgoPointChangeEvent) => placePoint(form, e.detail)}
  ></ngo-point-picker>`;
}

/** A point placed on the map: into the fields, and its district ticked when outlines are configured. */
function placePoint(form: FormState<Draft>, { lat, lon, district }: NgoPointChangeEvent['detail']): void {
  form.set('lat', lat);
  form.set('lon', lon);
  const d = form.values;
  if (district && !d.cityWide && !d.districts.includes(district)) form.set('districts', [...d.districts, district].sort((a, b) => a - b));
}
