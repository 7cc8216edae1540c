import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEY_FILE, SQLITE_FILE, openConfiguredStore, openStore, resolveEncryptionKey } from '../../src/store';
import { sampleInstall } from './contract';
import { TEST_KEY } from './helpers';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'b24-store-index-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('resolveEncryptionKey', () => {
  it('prefers the configured key and writes no file', () => {
    expect(resolveEncryptionKey(dir, ` ${TEST_KEY} `)).toBe(TEST_KEY);
    expect(existsSync(join(dir, KEY_FILE))).toBe(false);
  });
  it('refuses a configured key that is too short', () => {
    expect(() => resolveEncryptionKey(dir, 'short')).toThrow(/at least 32/);
  });
  it('generates a key once into secret.key (0600) and reuses it', () => {
    const sub = join(dir, 'nested', 'data');
    const k1 = resolveEncryptionKey(sub);
    expect(k1.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(sub, KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(resolveEncryptionKey(sub)).toBe(k1);
    expect(resolveEncryptionKey(sub, '')).toBe(k1);
    expect(readFileSync(join(sub, KEY_FILE), 'utf8').trim()).toBe(k1);
    expect(resolveEncryptionKey(mkdtempSync(join(tmpdir(), 'b24-store-index-other-')))).not.toBe(k1);
  });
  it('refuses a damaged key file instead of silently replacing it', () => {
    writeFileSync(join(dir, KEY_FILE), 'abc\n', { mode: 0o644 });
    expect(() => resolveEncryptionKey(dir)).toThrow(/secret\.key holds no usable key/);
    expect(statSync(join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
  });
});

describe('openStore', () => {
  it('without a database URL opens SQLite in the data dir, and the data survives reopening', async () => {
    const s1 = await openStore({ dataDir: dir, encryptionKey: TEST_KEY });
    await s1.installs.save(sampleInstall());
    await s1.close();
    expect(existsSync(join(dir, SQLITE_FILE))).toBe(true);
    const s2 = await openStore({ dataDir: dir, encryptionKey: TEST_KEY });
    expect(await s2.installs.get('m-1')).toEqual(sampleInstall());
    await s2.close();
  });
  it('openConfiguredStore generates the key on first start and finds the data on the next', async () => {
    const c = { DATA_DIR: dir, DATABASE_URL: undefined, REDIS_URL: undefined, ENCRYPTION_KEY: undefined };
    const s1 = await openConfiguredStore(c);
    await s1.installs.save(sampleInstall());
    await s1.close();
    expect(existsSync(join(dir, KEY_FILE))).toBe(true);
    const s2 = await openConfiguredStore(c);
    expect((await s2.installs.get('m-1'))?.refreshToken).toBe(sampleInstall().refreshToken);
    await s2.close();
    // Losing the key file makes the database unreadable, loudly.
    rmSync(join(dir, KEY_FILE));
    await expect(openConfiguredStore(c)).rejects.toThrow(/encryption key does not match/);
  });
  it('an unreachable Redis fails the open and closes the SQL store', async () => {
    await expect(openStore({ dataDir: dir, encryptionKey: TEST_KEY, redisUrl: 'redis://127.0.0.1:1' })).rejects.toThrow(/cannot reach Redis/);
    // The SQLite file is not left locked: it opens again at once.
    const s = await openStore({ dataDir: dir, encryptionKey: TEST_KEY });
    await s.close();
  });
});
