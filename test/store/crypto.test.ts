import { EncryptionKeyError, createCipher, createCodeHasher, safeEqual } from '../../src/store/crypto';
import { OTHER_KEY, TEST_KEY } from './helpers';

describe('createCipher', () => {
  const c = createCipher(TEST_KEY);
  it('round-trips, with a fresh IV for every value', () => {
    const a = c.encrypt('токен-secret', 'installs:m:access_token');
    const b = c.encrypt('токен-secret', 'installs:m:access_token');
    expect(a).not.toBe(b);
    expect(a.startsWith('v1.')).toBe(true);
    expect(c.decrypt(a, 'installs:m:access_token')).toBe('токен-secret');
    expect(c.decrypt(b, 'installs:m:access_token')).toBe('токен-secret');
  });
  it('refuses another key, another context and a tampered value, saying why', () => {
    const sealed = c.encrypt('secret', 'ctx');
    expect(() => createCipher(OTHER_KEY).decrypt(sealed, 'ctx')).toThrow(EncryptionKeyError);
    expect(() => createCipher(OTHER_KEY).decrypt(sealed, 'ctx')).toThrow(/encryption key/);
    expect(() => c.decrypt(sealed, 'other-ctx')).toThrow(EncryptionKeyError);
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    raw[raw.length - 1] ^= 1;
    expect(() => c.decrypt(`v1.${raw.toString('base64url')}`, 'ctx')).toThrow(EncryptionKeyError);
    expect(() => c.decrypt('plaintext-token', 'ctx')).toThrow(/not in the encrypted format/);
    expect(() => c.decrypt('v1.AAAA', 'ctx')).toThrow(/truncated/);
  });
  it('refuses a short key', () => {
    expect(() => createCipher('short')).toThrow(/at least 32/);
  });
  it('mac is stable per key and context and reveals nothing of the value', () => {
    expect(c.mac('r1', 'x')).toBe(c.mac('r1', 'x'));
    expect(c.mac('r1', 'x')).not.toBe(c.mac('r1', 'y'));
    expect(c.mac('r1', 'x')).not.toBe(createCipher(OTHER_KEY).mac('r1', 'x'));
    expect(c.mac('r1', 'x')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('createCodeHasher', () => {
  it('hashes codes with the key, ignoring spaces the user spoke between digits', () => {
    const h = createCodeHasher(TEST_KEY);
    expect(h('552 013')).toBe(h('552013'));
    expect(h('552013')).not.toBe(h('552014'));
    expect(h('552013')).not.toBe(createCodeHasher(OTHER_KEY)('552013'));
    expect(h('552013')).not.toContain('552013');
  });
});

describe('safeEqual', () => {
  it('compares strings of any length', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});
