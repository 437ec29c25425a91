import { expect } from '@open-wc/testing';
import { isPlainClick, readUrlState, urlWith, writeUrlState } from './url-state.js';

describe('url-state', () => {
  let start: string;
  beforeEach(() => {
    start = location.href;
  });
  afterEach(() => history.replaceState(history.state, '', start));

  it('builds a link with the view set, empty values removed and the host page’s own parameters kept', () => {
    history.replaceState(history.state, '', '?page=2&ngo-x-b=old#top');
    const url = urlWith('ngo-x-', { a: 'one two', b: '' });
    expect(url.searchParams.get('ngo-x-a')).to.equal('one two');
    expect(url.searchParams.has('ngo-x-b')).to.equal(false);
    expect(url.searchParams.get('page')).to.equal('2');
    expect(url.hash).to.equal('#top');
  });

  it('builds on another base, a relative one read against the page', () => {
    expect(urlWith('ngo-events-', { q: 'ślub' }, '/kalendarz?x=1').href).to.equal(new URL('/kalendarz?x=1&ngo-events-q=%C5%9Blub', location.href).href);
    expect(urlWith('ngo-cons-', { id: 'c1', unit: '' }, 'https://ngo.example/embed/consultations?lang=uk').href).to.equal(
      'https://ngo.example/embed/consultations?lang=uk&ngo-cons-id=c1',
    );
  });

  it('writes the view into the page URL, pushing a history entry only when asked and only when it changed', () => {
    const length = history.length;
    writeUrlState('ngo-x-', { a: '1' });
    expect(history.length).to.equal(length);
    writeUrlState('ngo-x-', { a: '2' }, { push: true });
    expect(history.length).to.equal(length + 1);
    writeUrlState('ngo-x-', { a: '2' }, { push: true });
    expect(history.length).to.equal(length + 1);
    expect(readUrlState('ngo-x-', ['a', 'b'])).to.deep.equal({ a: '2' });
  });

  it('takes only a left click without a modifier as the widget’s', () => {
    const click = (o: MouseEventInit) => new MouseEvent('click', o);
    expect(isPlainClick(click({ button: 0 }))).to.equal(true);
    for (const o of [{ button: 1 }, { ctrlKey: true }, { metaKey: true }, { shiftKey: true }, { altKey: true }]) expect(isPlainClick(click(o)), JSON.stringify(o)).to.equal(false);
  });
});
