import { parsePhpForm, PhpFormError, pickObject, pickString } from '../../src/bitrix/php-form';

const enc = (pairs: [string, string][]) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

describe('parsePhpForm', () => {
  it('keeps numeric keys as object keys (bot ids survive)', () => {
    const body = enc([
      ['data[BOT][567][BOT_ID]', '567'],
      ['data[BOT][567][BOT_CODE]', 'BOT1'],
      ['data[PARAMS][1]', 'x'],
      ['event', 'ONIMBOTMESSAGEADD'],
    ]);
    const f = parsePhpForm(body);
    expect(f).toEqual({ data: { BOT: { '567': { BOT_ID: '567', BOT_CODE: 'BOT1' } }, PARAMS: { '1': 'x' } }, event: 'ONIMBOTMESSAGEADD' });
    expect(Array.isArray((f.data as any).BOT)).toBe(false);
  });

  it('decodes plus as space and percent sequences, including Cyrillic', () => {
    const f = parsePhpForm('data%5BPARAMS%5D%5BMESSAGE%5D=%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82+%D0%BC%D0%B8%D1%80&a=1%2B1');
    expect(pickString(f, 'data', 'PARAMS', 'MESSAGE')).toBe('привет мир');
    expect(f.a).toBe('1+1');
  });

  it('appends with [] using the next numeric key, as PHP does', () => {
    const f = parsePhpForm('a[]=x&a[]=y&b[5]=p&b[]=q');
    expect(f).toEqual({ a: { '0': 'x', '1': 'y' }, b: { '5': 'p', '6': 'q' } });
  });

  it('lets a later key win over an earlier one of another shape', () => {
    expect(parsePhpForm('a=1&a[b]=2')).toEqual({ a: { b: '2' } });
    expect(parsePhpForm('a[b]=2&a=1')).toEqual({ a: '1' });
  });

  it('handles empty values, bare keys and empty pairs', () => {
    expect(parsePhpForm('a=&b&&c=3')).toEqual({ a: '', b: '', c: '3' });
    expect(parsePhpForm('')).toEqual({});
  });

  it('drops prototype-polluting keys', () => {
    const f = parsePhpForm('__proto__[x]=1&a[constructor][y]=2&ok=1');
    expect(f).toEqual({ ok: '1' });
    expect(({} as any).x).toBeUndefined();
  });

  it('builds null-prototype objects: a field the form lacks reads undefined, never an inherited value', () => {
    const f = parsePhpForm('auth[member_id]=m&data[PARAMS][MESSAGE]=hi') as Record<string, any>;
    expect(Object.getPrototypeOf(f)).toBeNull();
    expect(Object.getPrototypeOf(f.auth)).toBeNull();
    expect(Object.getPrototypeOf(f.data.PARAMS)).toBeNull();
    expect(f.toString).toBeUndefined();
    expect(pickString(f, 'auth', 'toString')).toBeUndefined();
  });

  it('takes keys with unclosed brackets literally', () => {
    expect(parsePhpForm('a[b=1')).toEqual({ 'a[b': '1' });
  });

  it('accepts a Buffer', () => {
    expect(parsePhpForm(Buffer.from('x[y]=z'))).toEqual({ x: { y: 'z' } });
  });

  it('enforces limits with a typed error', () => {
    expect(() => parsePhpForm('a=' + 'x'.repeat(100), { maxBytes: 50 })).toThrow(PhpFormError);
    const many = Array.from({ length: 30 }, (_, i) => `k${i}=1`).join('&');
    try {
      parsePhpForm(many, { maxKeys: 10 });
      throw new Error('no throw');
    } catch (e) {
      expect(e).toBeInstanceOf(PhpFormError);
      expect((e as PhpFormError).problem).toBe('too_many_keys');
    }
    const deep = 'a' + '[x]'.repeat(20) + '=1';
    expect(() => parsePhpForm(deep, { maxDepth: 5 })).toThrow(/nests 20 levels/);
    expect(parsePhpForm('a' + '[x]'.repeat(5) + '=1', { maxDepth: 5 })).toBeTruthy();
  });

  it('rejects malformed percent-encoding', () => {
    try {
      parsePhpForm('a=%E0%A4%A');
      throw new Error('no throw');
    } catch (e) {
      expect((e as PhpFormError).problem).toBe('malformed');
    }
  });

  it('rejects non-string bodies', () => {
    expect(() => parsePhpForm({} as any)).toThrow(PhpFormError);
  });
});

describe('pickString / pickObject', () => {
  const f = parsePhpForm('auth[member_id]=m1&data[BOT][5][BOT_ID]=5');
  it('reads nested strings and objects', () => {
    expect(pickString(f, 'auth', 'member_id')).toBe('m1');
    expect(pickString(f, 'auth')).toBeUndefined();
    expect(pickObject(f, 'data', 'BOT')).toEqual({ '5': { BOT_ID: '5' } });
    expect(pickObject(f, 'auth', 'member_id')).toBeUndefined();
    expect(pickString(f, 'nope', 'x')).toBeUndefined();
  });
});
