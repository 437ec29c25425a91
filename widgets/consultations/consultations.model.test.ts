import { expect } from '@open-wc/testing';
import { REMARK_FIELDS, SUPPORT_FIELDS, allowedAuthors, emptyDraft, issuesToErrors, toRemarkBody, toSupportBody, validateRemark, validateSupport, type Draft } from './consultations.model.js';

const valid = (over: Partial<Draft> = {}): Draft => ({
  ...emptyDraft(),
  justification: 'Dziesięć znaków co najmniej.',
  authorType: 'ngo',
  organisationName: 'Fundacja',
  contactName: 'Ala Kot',
  contactEmail: 'ala@example.org',
  consent: true,
  ...over,
});

describe('consultations.model', () => {
  it('accepts a complete remark and names every missing field of an empty one', () => {
    expect(validateRemark(valid(), 'ngo')).to.deep.equal({});
    expect(validateRemark(emptyDraft(), 'all')).to.deep.equal({
      justification: 'field.required',
      authorType: 'cons.err.author',
      contactName: 'field.required',
      contactEmail: 'field.required',
      consent: 'form.err.consent',
    });
  });

  it('asks for 10 characters of justification, counted without surrounding spaces', () => {
    expect(validateRemark(valid({ justification: '   123456789   ' }), 'all').justification).to.equal('cons.err.justification');
    expect(validateRemark(valid({ justification: '1234567890' }), 'all').justification).to.equal(undefined);
  });

  it('requires the organisation only for organisation authors, and checks an optional KRS', () => {
    expect(validateRemark(valid({ authorType: 'resident', organisationName: '' }), 'all')).to.deep.equal({});
    expect(validateRemark(valid({ authorType: 'district_council', organisationName: ' ' }), 'all').organisationName).to.equal('field.required');
    expect(validateRemark(valid({ krs: '12345' }), 'all').krs).to.equal('cons.err.krs');
    expect(validateRemark(valid({ krs: '0000123456' }), 'all').krs).to.equal(undefined);
  });

  it('refuses author types an NGO-only consultation does not take', () => {
    expect(allowedAuthors('ngo')).to.deep.equal(['ngo', 'informal_group']);
    expect(allowedAuthors('all')).to.have.length(5);
    expect(validateRemark(valid({ authorType: 'resident' }), 'ngo').authorType).to.equal('cons.err.not_allowed');
  });

  it('checks a support like the contact part of a remark, organisation always required', () => {
    expect(validateSupport(valid())).to.deep.equal({});
    expect(validateSupport(valid({ organisationName: '', contactEmail: 'nope@', consent: false }))).to.deep.equal({
      organisationName: 'field.required',
      contactEmail: 'field.invalid_email',
      consent: 'form.err.consent',
    });
  });

  it('sends trimmed text, and no organisation for a resident', () => {
    const body = toRemarkBody(valid({ authorType: 'resident', organisationName: 'Mój dom', krs: '0000123456', proposedWording: '  nowy  ' }), 'u1', 'uk');
    expect(body).to.deep.equal({
      unitId: 'u1', currentWording: '', proposedWording: 'nowy', justification: 'Dziesięć znaków co najmniej.', authorType: 'resident',
      organisationName: null, krs: null, contact: { name: 'Ala Kot', email: 'ala@example.org' }, consent: true, lang: 'uk',
    });
    expect(toSupportBody(valid({ krs: ' ' }), 'pl')).to.deep.equal({ organisationName: 'Fundacja', krs: null, contact: { name: 'Ala Kot', email: 'ala@example.org' }, consent: true, lang: 'pl' });
  });

  it('maps the server’s issues to the form’s fields and keeps the others apart', () => {
    const { errors, other } = issuesToErrors(
      [
        { path: 'authorType', code: 'not_allowed', message: '' },
        { path: 'justification', code: 'too_small', message: '' },
        { path: 'unitId', code: 'invalid_value', message: '' },
        { path: 'consent', code: 'invalid_value', message: '' },
      ],
      REMARK_FIELDS,
    );
    expect(errors).to.deep.equal({ authorType: 'cons.err.not_allowed', justification: 'cons.err.justification', consent: 'form.err.consent' });
    expect(other.map((i) => i.path)).to.deep.equal(['unitId']);
    expect(issuesToErrors([{ path: 'justification', code: 'too_small', message: '' }], SUPPORT_FIELDS).other).to.have.length(1);
  });
});
