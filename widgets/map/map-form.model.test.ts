import { expect } from '@open-wc/testing';
import type { OrganisationInput } from '../../common/map.schema.js';
import { issueField, issuesToErrors, parseCoord, toDraft, toOrganisationInput, validateDraft, withScheme } from './map-form.model.js';

const ENTRY: OrganisationInput = {
  name: 'Fundacja Łąka',
  description: 'Ogrody społeczne.',
  translations: { en: { name: 'Meadow Foundation', description: null } },
  kind: 'ngo',
  legalForm: 'fundacja',
  krs: '0000123456',
  regon: null,
  nip: '1234563218',
  areas: ['ekologia-zwierzeta', 'kultura'],
  targetGroups: ['dzieci'],
  districts: [12, 3],
  cityWide: false,
  address: 'ul. Łąkowa 1',
  location: { lon: 20.01, lat: 50.02 },
  website: 'https://laka.example.org',
  email: null,
  phone: '+48 600 000 000',
  languages: ['pl', 'uk'],
  accessibility: ['stepFree'],
};

const valid = () => ({ ...toDraft({ name: 'Koło Gospodyń', kind: 'informal_group', areas: ['kultura'], cityWide: true }), contactName: 'Anna', contactEmail: 'anna@example.org', consent: true });

describe('map form model', () => {
  it('sends an unedited entry back exactly as it came, translations included', () => {
    expect(toOrganisationInput(toDraft(ENTRY), ENTRY)).to.deep.equal(ENTRY);
  });

  it('turns empty optional fields into null and a typed point into numbers', () => {
    const d = { ...toDraft(), name: ' Grupa ', lon: '19,9372', lat: '50.0614', address: '  ' };
    const out = toOrganisationInput(d);
    expect(out.name).to.equal('Grupa');
    expect(out.address).to.equal(null);
    expect(out.legalForm).to.equal(null);
    expect(out.location).to.deep.equal({ lon: 19.9372, lat: 50.0614 });
    expect(toOrganisationInput(toDraft()).location).to.equal(null);
  });

  it('accepts a complete draft, and asks the submitter only where the mode has one', () => {
    expect(validateDraft(valid(), 'create')).to.deep.equal({});
    const anonymous = { ...valid(), contactName: '', contactEmail: '', consent: false };
    expect(validateDraft(anonymous, 'owner')).to.deep.equal({});
    expect(validateDraft(anonymous, 'correction')).to.deep.equal({ contactName: 'field.required', contactEmail: 'field.required', consent: 'form.err.consent' });
  });

  it('checks identifiers with their checksums', () => {
    expect(validateDraft({ ...valid(), nip: '1234567890', regon: '123456786', krs: '12' }, 'owner')).to.deep.equal({
      nip: 'mapForm.err.nip',
      regon: 'mapForm.err.regon',
      krs: 'mapForm.err.krs',
    });
    expect(validateDraft({ ...valid(), nip: '123-456-32-18', regon: '123456785', krs: '0000123456' }, 'owner')).to.deep.equal({});
  });

  it('needs a legal form for an NGO, 1–10 areas, and a district or the whole city', () => {
    const e = validateDraft({ ...valid(), kind: 'ngo', areas: [], cityWide: false }, 'owner');
    expect(e).to.deep.equal({ legalForm: 'mapForm.err.legalForm', areas: 'mapForm.err.areas', districts: 'mapForm.err.districts' });
    expect(validateDraft({ ...valid(), areas: Array.from({ length: 11 }, (_, i) => `a${i}`) }, 'owner').areas).to.equal('mapForm.err.areas');
  });

  it('wants both coordinates, as numbers, inside Kraków', () => {
    expect(validateDraft({ ...valid(), lon: '19.94', lat: '' }, 'owner')).to.deep.equal({ lat: 'mapForm.err.both' });
    expect(validateDraft({ ...valid(), lon: 'abc', lat: '50.06' }, 'owner')).to.deep.equal({ lon: 'mapForm.err.number' });
    expect(validateDraft({ ...valid(), lon: '21.0', lat: '52.2' }, 'owner')).to.deep.equal({ lon: 'mapForm.err.outside' });
    expect(parseCoord('19,94')).to.equal(19.94);
    expect(parseCoord('19.9.4')).to.be.NaN;
  });

  it('adds https:// to a bare web address and refuses other schemes', () => {
    expect(withScheme('fundacja.pl')).to.equal('https://fundacja.pl');
    expect(withScheme('http://fundacja.pl')).to.equal('http://fundacja.pl');
    expect(validateDraft({ ...valid(), website: 'javascript:alert(1)' }, 'owner')).to.deep.equal({ website: 'mapForm.err.website' });
  });

  it('maps server issue paths onto fields and keeps the rest apart', () => {
    expect(issueField('organisation.krs')).to.equal('krs');
    expect(issueField('organisation.location.lon')).to.equal('lon');
    expect(issueField('organisation.translations.en.name')).to.equal(undefined);
    const { errors, other } = issuesToErrors([
      { path: 'organisation.name', code: 'too_long', message: 'x' },
      { path: 'contact.name', code: 'required', message: 'x' },
      { path: 'contact.email', code: 'invalid_format', message: 'x' },
      { path: 'consent', code: 'invalid_value', message: 'x' },
      { path: 'organisation.districts', code: 'custom', message: 'x' },
      { path: 'type', code: 'invalid_value', message: 'x' },
    ]);
    expect(errors).to.deep.equal({ name: 'form.err.too_long', contactName: 'field.required', contactEmail: 'field.invalid_email', consent: 'form.err.consent', districts: 'mapForm.err.districts' });
    expect(other.map((i) => i.path)).to.deep.equal(['type']);
  });

  it('reads a staff body’s paths from the organisation itself, with the owner e-mail beside it', () => {
    expect(issueField('krs', true)).to.equal('krs');
    expect(issueField('location', true)).to.equal('lon');
    expect(issueField('ownerEmail', true)).to.equal('ownerEmail');
    expect(issueField('consent', true)).to.equal(undefined);
    expect(issueField('organisation.ownerEmail')).to.equal(undefined);
    const { errors, other } = issuesToErrors([{ path: 'ownerEmail', code: 'invalid_format', message: 'x' }, { path: 'nip', code: 'custom', message: 'x' }, { path: '(root)', code: 'custom', message: 'x' }], true);
    expect(errors).to.deep.equal({ ownerEmail: 'field.invalid_email', nip: 'mapForm.err.nip' });
    expect(other.map((i) => i.path)).to.deep.equal(['(root)']);
  });

  it('asks staff for no submitter and checks the owner e-mail only when given', () => {
    const staffDraft = { ...valid(), contactName: '', contactEmail: '', consent: false };
    expect(validateDraft(staffDraft, 'staff')).to.deep.equal({});
    expect(validateDraft({ ...staffDraft, ownerEmail: 'nie-adres' }, 'staff')).to.deep.equal({ ownerEmail: 'field.invalid_email' });
    expect(validateDraft({ ...staffDraft, ownerEmail: 'biuro@example.org' }, 'staff')).to.deep.equal({});
  });
});
