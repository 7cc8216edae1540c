import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite';
import { describeStoreContract } from './contract';

const KEY = 'test-key-0123456789abcdef0123456789abcdef';
let dir: string;
let n = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'b24-store-sqlite-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeStoreContract('sqlite', ({ clock }) => openSqliteStore({ path: join(dir, `db-${++n}.sqlite`), encryptionKey: KEY, clock }));
