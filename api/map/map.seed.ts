import { registerSeed } from '../seed.js';
import { seedMapDemo } from './map.generate.js';

registerSeed('map', seedMapDemo);
