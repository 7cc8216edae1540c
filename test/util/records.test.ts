/** Records built from request data inherit nothing and never carry a key that reaches a prototype. */
import { own, ownRecord, parseJsonSafe } from '../../src/util/records';

describe('parseJsonSafe', () => {
  it('drops __proto__, constructor and prototype at every depth and builds null-prototype objects', () => {
    const v = parseJsonSafe('{"a":{"__proto__":{"x":1},"b":[{"constructor":{"prototype":{"y":2}},"c":3}]},"prototype":1,"__proto__":{"account":{"userId":1}}}') as Record<string, any>;
    expect(JSON.stringify(v)).toBe('{"a":{"b":[{"c":3}]}}');
    expect(Object.getPrototypeOf(v)).toBeNull();
    expect(Object.getPrototypeOf(v.a)).toBeNull();
    expect(Object.getPrototypeOf(v.a.b[0])).toBeNull();
    expect(Array.isArray(v.a.b)).toBe(true);
    expect(v.account).toBeUndefined();
    expect(({} as Record<string, unknown>).account).toBeUndefined();
  });
  it('parses scalars and arrays like JSON.parse and throws on bad JSON', () => {
    expect(parseJsonSafe('[1,"a",null,true]')).toEqual([1, 'a', null, true]);
    expect(parseJsonSafe('"x"')).toBe('x');
    expect(() => parseJsonSafe('{"a":')).toThrow(SyntaxError);
  });
});

describe('own / ownRecord', () => {
  it('reads only own fields', () => {
    const inherited = Object.create({ account: { userId: 1 } }) as Record<string, unknown>;
    expect(inherited.account).toBeDefined();
    expect(own(inherited, 'account')).toBeUndefined();
    expect(own({ account: 2 }, 'account')).toBe(2);
    expect(own(null, 'account')).toBeUndefined();
  });
  it('merges own fields left to right into a record without a prototype, forbidden keys dropped', () => {
    const withProtoKey = JSON.parse('{"__proto__":{"t":"x"},"a":1}') as Record<string, unknown>;
    const r = ownRecord({ a: 0, b: 2 }, withProtoKey, null, ['ignored']);
    expect(Object.getPrototypeOf(r)).toBeNull();
    expect({ ...r }).toEqual({ a: 1, b: 2 });
    expect(r.t).toBeUndefined();
    expect(Object.keys(r)).not.toContain('__proto__');
  });
});
