import type { Messages } from '../core/i18n/index.js';
import type { PointPickerSource } from './point-picker.i18n.js';

/** English strings of the point picker. */
const en: Messages<PointPickerSource> = {
  'picker.map': 'Map to pick the position. Click to place the pin, or move the map with the arrow keys and press Enter to place it in the middle.',
  'picker.pin': 'Position pin: latitude {lat}, longitude {lon}. Arrow keys move the pin.',
  'picker.placed': 'Pin placed: latitude {lat}, longitude {lon}.',
  'picker.removed': 'Pin removed.',
  'picker.district': 'District from the position: {district}.',
  'picker.error': 'The map could not be loaded. Type the coordinates in the latitude and longitude fields.',
  'picker.zoom_in': 'Zoom in',
  'picker.zoom_out': 'Zoom out',
  'picker.attribution': 'Map data source',
  'picker.remove': 'Remove the pin',
};

export default en;
