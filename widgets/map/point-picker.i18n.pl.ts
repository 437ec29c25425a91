import type { Messages } from '../core/i18n/index.js';

/** Polish strings of the point picker (the source). */
const pl = {
  'picker.map': 'Mapa do wskazania położenia. Kliknij, aby postawić znacznik, albo przesuń mapę strzałkami i naciśnij Enter, aby postawić go na środku.',
  'picker.pin': 'Znacznik położenia: szerokość {lat}, długość {lon}. Strzałki przesuwają znacznik.',
  'picker.placed': 'Znacznik postawiony: szerokość {lat}, długość {lon}.',
  'picker.removed': 'Znacznik usunięty.',
  'picker.district': 'Dzielnica z położenia: {district}.',
  'picker.error': 'Nie udało się wczytać mapy. Wpisz współrzędne w polach szerokości i długości.',
  'picker.zoom_in': 'Przybliż',
  'picker.zoom_out': 'Oddal',
  'picker.attribution': 'Źródło danych mapy',
  'picker.remove': 'Usuń znacznik',
} satisfies Messages;

export default pl;
