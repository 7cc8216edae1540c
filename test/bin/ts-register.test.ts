/**
 * bin/ts-register.js, the loader `npm start` and the benchmarks run the sources through: TypeScript
 * as tsc emits it (plain exports, no name wrappers), cached by source, stack traces in .ts lines.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const REGISTER = path.join(ROOT, 'bin', 'ts-register.js');

function run(file: string): string {
  return execFileSync(process.execPath, ['-r', REGISTER, file], { cwd: ROOT, encoding: 'utf8' });
}

describe('ts-register', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-register-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs TypeScript with imports between files, exports as plain properties', () => {
    fs.writeFileSync(path.join(dir, 'lib.ts'), 'export const twice = (n: number): number => n * 2;\nexport enum Kind { A = 1 }\n');
    fs.writeFileSync(
      path.join(dir, 'main.ts'),
      "import * as lib from './lib';\nimport { twice, Kind } from './lib';\n" +
        "const d = Object.getOwnPropertyDescriptor(lib, 'twice');\n" +
        'console.log(twice(21), Kind.A, typeof d?.get === "function" ? "getter" : "value");\n',
    );
    expect(run(path.join(dir, 'main.ts')).trim()).toBe('42 1 value');
  });

  it('compiles a changed source again (the cache is keyed by the source)', () => {
    const f = path.join(dir, 'changing.ts');
    fs.writeFileSync(f, "const a: string = 'one';\nconsole.log(a);\n");
    expect(run(f).trim()).toBe('one');
    fs.writeFileSync(f, "const a: string = 'two';\nconsole.log(a);\n");
    expect(run(f).trim()).toBe('two');
  });

  it('reports an error at its line in the .ts file', () => {
    const f = path.join(dir, 'throws.ts');
    fs.writeFileSync(f, 'interface X {\n  a: number;\n}\nconst x: X = { a: 1 };\nif (x.a) throw new Error("here");\n');
    let stack = '';
    try {
      run(f);
    } catch (e) {
      stack = String((e as { stderr?: string }).stderr);
    }
    expect(stack).toContain(`${f}:5`);
  });

  it('precompiles a folder into the cache', () => {
    const out = execFileSync(process.execPath, [REGISTER, '--precompile', dir], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toMatch(/^compiled 4 files into /);
  });
});
