import type { OrganisationInput } from '../../common/map.schema.js';

/** A valid organisation entry for tests: an association in district 1; override what a test is about. */
export const organisationInput = (over: Partial<OrganisationInput> = {}): OrganisationInput => ({
  name: 'Stowarzyszenie Testowe',
  description: '',
  translations: {},
  kind: 'ngo',
  legalForm: 'stowarzyszenie',
  krs: null,
  regon: null,
  nip: null,
  areas: ['kultura'],
  targetGroups: [],
  districts: [1],
  cityWide: false,
  address: null,
  location: { lon: 19.94, lat: 50.06 },
  website: null,
  email: null,
  phone: null,
  languages: ['pl'],
  accessibility: [],
  ...over,
});
