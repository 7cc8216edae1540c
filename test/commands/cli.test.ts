/**
 * The command line behaves the same for every command: `--help` prints help and exits 0 having
 * done nothing, a bad or unknown option is a usage error (stderr, exit 2), never ignored.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(__dirname, '..', '..');
const loader = pathToFileURL(require.resolve('tsx')).href;

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', loader, path.join(ROOT, 'src', 'main.ts'), ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d));
    p.stderr.on('data', (d: Buffer) => (err += d));
    p.on('close', (code) => resolve({ code, out, err }));
  });
}

jest.setTimeout(120_000);

describe('b24-assistant CLI', () => {
  const commands = ['serve', 'worker', 'export-skills', 'sandbox', 'train', 'parse', 'link-code', 'score'];

  it('--help on every command prints its usage, exits 0 and writes nothing', async () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cli-help-')), 'data');
    const out = path.join(path.dirname(dataDir), 'skills');
    const results = await Promise.all(commands.map((c) => cli([c, '--help', ...(c === 'export-skills' ? ['--out', out] : [])], { DATA_DIR: dataDir, PORT: '0', REDIS_URL: 'redis://127.0.0.1:6379' })));
    results.forEach((r, i) => {
      expect({ command: commands[i], code: r.code }).toEqual({ command: commands[i], code: 0 });
      expect(r.out).toMatch(new RegExp(`^usage: b24-assistant ${commands[i]}`));
      expect(r.out).not.toMatch(/listening/);
    });
    // Nothing was created: no data directory (serve, link-code, worker), no skills (export-skills).
    expect(fs.existsSync(dataDir)).toBe(false);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('an unknown option is a usage error on stderr with exit 2, for every command', async () => {
    const results = await Promise.all(commands.map((c) => cli([c, '--no-such-option', 'x'])));
    results.forEach((r, i) => {
      expect({ command: commands[i], code: r.code }).toEqual({ command: commands[i], code: 2 });
      expect(r.err).toContain(`${commands[i]}: unknown option --no-such-option`);
      expect(r.err).toContain(`usage: b24-assistant ${commands[i]}`);
      expect(r.out).toBe('');
    });
  });

  it('an option a command does not take is refused, not ignored', async () => {
    // When priors exist, --prior needs a file; an unknown option must never train as if absent.
    const r = await cli(['train', '--csv', 'nope.csv', '--target', 'y', '--bogus', 'x.json']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown option --bogus/);
  });

  it('refuses a language it does not speak and a value-less option', async () => {
    const [lang, missing] = await Promise.all([cli(['parse', 'привет', '--lang', 'de']), cli(['link-code', '--user'])]);
    expect(lang.code).toBe(2);
    expect(lang.err).toMatch(/--lang must be ru or en, got "de"/);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--user needs a value/);
  });

  it('no command at all is a usage error; help is not', async () => {
    const [none, help] = await Promise.all([cli([]), cli(['--help'])]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^usage: b24-assistant <command>/);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^usage: b24-assistant <command>/);
  });

  it('serve reports every bad setting at once, naming the variable and the file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-cfg-'));
    const file = path.join(dir, 'not-a-dir');
    fs.writeFileSync(file, 'x');
    const r = await cli(['serve'], { DATA_DIR: file, PORT: 'abc', GOOGLE_PROJECT_ID: 'p', GOOGLE_SIGNING_KEYS_FILE: path.join(dir, 'keys.json') });
    expect(r.code).toBe(2);
    expect(r.err).toContain('PORT: must be a whole number');
    expect(r.err).toContain(`DATA_DIR: ${file} is a file, not a directory`);
    expect(r.err).toContain(`GOOGLE_SIGNING_KEYS_FILE: ${path.join(dir, 'keys.json')} does not exist`);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });
});
