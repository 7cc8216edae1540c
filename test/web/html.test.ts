import { escNames } from '../../src/web/html';

describe('escNames: the portal\'s people marked as not to be translated', () => {
  it('wraps each known name, escapes everything, longest name first', () => {
    expect(escNames('Responsible: Ирина Богданова <b>', ['Ирина Богданова'])).toBe('Responsible: <span translate="no">Ирина Богданова</span> &lt;b&gt;');
    expect(escNames('Ann Lee & Ann', ['Ann', 'Ann Lee'])).toBe('<span translate="no">Ann Lee</span> &amp; <span translate="no">Ann</span>');
  });
  it('treats a name as text, not a pattern', () => {
    expect(escNames('a (b) c', ['(b)'])).toBe('a <span translate="no">(b)</span> c');
    expect(escNames('plain', [])).toBe('plain');
  });
});
