import type { Messages } from '../core/i18n/index.js';
import type { PointPickerSource } from './point-picker.i18n.js';

/** Ukrainian strings of the point picker. */
const uk: Messages<PointPickerSource> = {
  'picker.map': 'Мапа для вибору розташування. Клацніть, щоб поставити мітку, або пересуньте мапу стрілками й натисніть Enter, щоб поставити її посередині.',
  'picker.pin': 'Мітка розташування: широта {lat}, довгота {lon}. Стрілки пересувають мітку.',
  'picker.placed': 'Мітку поставлено: широта {lat}, довгота {lon}.',
  'picker.removed': 'Мітку прибрано.',
  'picker.district': 'Район за розташуванням: {district}.',
  'picker.error': 'Не вдалося завантажити мапу. Введіть координати в поля широти й довготи.',
  'picker.zoom_in': 'Наблизити',
  'picker.zoom_out': 'Віддалити',
  'picker.attribution': 'Джерело даних мапи',
  'picker.remove': 'Прибрати мітку',
};

export default uk;
