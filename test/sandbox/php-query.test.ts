/** The sandbox's PHP bracket parser: nested keys as PHP builds them, and nothing that reaches a prototype. */
import { assignPath, parsePhpQuery, type PhpObject } from '../../src/sandbox/php-query';

const clean = () => {
  for (const k of ['account', 'polluted', 'x']) delete (Object.prototype as Record<string, unknown>)[k];
};
afterEach(clean);

describe('parsePhpQuery against prototype pollution', () => {
  it.each([
    '__proto__[account][memberId]=m&__proto__[account][userId]=1',
    'a[__proto__][polluted]=1',
    'a[constructor][prototype][polluted]=1',
    'constructor[prototype][polluted]=1',
    'a[][__proto__][polluted]=1',
    'a[0]=x&a[][constructor][prototype][polluted]=1',
    '__proto__=x&prototype=1&constructor=2',
  ])('%s changes no prototype and keeps no such key', (q) => {
    const out = parsePhpQuery(q);
    const probe = {} as Record<string, unknown>;
    expect(probe.account).toBeUndefined();
    expect(probe.polluted).toBeUndefined();
    expect(JSON.stringify(out)).not.toMatch(/__proto__|constructor|prototype/);
  });

  it('builds null-prototype objects, so a missing field never inherits', () => {
    const out = parsePhpQuery('fields[TITLE]=x&filter[>ID]=5&select[]=ID&cmd[a][b]=1') as Record<string, any>;
    expect(Object.getPrototypeOf(out)).toBeNull();
    expect(Object.getPrototypeOf(out.fields)).toBeNull();
    expect(Object.getPrototypeOf(out.cmd.a)).toBeNull();
    expect(out.toString).toBeUndefined();
    expect(JSON.parse(JSON.stringify(out))).toEqual({ fields: { TITLE: 'x' }, filter: { '>ID': '5' }, select: ['ID'], cmd: { a: { b: '1' } } });
  });

  it('keeps the PHP shapes legitimate requests use', () => {
    expect(JSON.parse(JSON.stringify(parsePhpQuery('data[BOT][567][BOT_ID]=567&a[]=x&a[]=y&b=1+2')))).toEqual({ data: { BOT: { 567: { BOT_ID: '567' } } }, a: ['x', 'y'], b: '1 2' });
  });

  it('assignPath into a caller\'s plain object drops forbidden keys too', () => {
    const target: PhpObject = {};
    assignPath(target, '__proto__[polluted]', '1');
    assignPath(target, 'ok[constructor][prototype][polluted]', '1');
    assignPath(target, 'ok[v]', '2');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.parse(JSON.stringify(target))).toEqual({ ok: { v: '2' } });
  });
});
