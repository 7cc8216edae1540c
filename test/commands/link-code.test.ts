import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { createLogger, startRuntime } from '../../src/runtime';
import { run } from '../../src/commands/link-code';
import { createCodeHasher, openConfiguredStore, resolveEncryptionKey } from '../../src/store';

describe('link-code command', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b24-linkcode-'));
  const saved = process.env.DATA_DIR;
  afterAll(() => {
    process.env.DATA_DIR = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to run before any portal is installed, then prints a working one-time code', async () => {
    process.env.DATA_DIR = dir;
    const out: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await run(['--user', '2'])).toBe(2);
      const rt = await startRuntime(loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1' }), { log: createLogger('silent'), sandboxLeads: 100 });
      await rt.close();
      // A user the portal does not have gets no code (issue 12: a task was once created by user 99999).
      expect(await run(['--user', '99999', '--json'])).toBe(2);
      expect(out.join('')).toBe('');
      expect(await run(['--user', '2', '--json'])).toBe(0);
    } finally {
      write.mockRestore();
      err.mockRestore();
    }
    const { code } = JSON.parse(out.join('')) as { code: string };
    expect(code).toMatch(/^\d{8}$/);
    const store = await openConfiguredStore(loadConfig({ DATA_DIR: dir }));
    const hash = createCodeHasher(resolveEncryptionKey(dir))(code);
    expect(await store.linkCodes.consume(hash, Date.now())).toMatchObject({ userId: 2 });
    expect(await store.linkCodes.consume(hash, Date.now())).toBeNull();
    await store.close();
  });
});
