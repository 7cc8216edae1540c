/**
 * A clone tests with nothing beside it (issue 16): no test, source or bench file reaches for the
 * project's shared folder or an absolute /work path — test data is in test/corpus, found through
 * test/helpers/data.ts. Benches that need the public CRM data say where it comes from (B24_CRM_DATA).
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

function files(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return files(rel);
    return /\.(ts|js|mjs)$/.test(e.name) ? [rel] : [];
  });
}

it('no test or source file reads ../shared or an absolute /work path', () => {
  const offenders: string[] = [];
  for (const f of [...files('test'), ...files('src'), ...files('.ci')]) {
    if (f === path.join('test', 'self-sufficient.test.ts')) continue;
    // Code (not comments, which may cite the design in ../shared/spec) that builds a path to a
    // sibling "shared" folder, or names /work/ outright.
    const code = fs.readFileSync(path.join(ROOT, f), 'utf8').split('\n').filter((l) => !/^\s*(\*|\/\/|\/\*)/.test(l)).join('\n');
    if (/['"`]\/work\//.test(code) || /['"]\.\.['"],\s*['"]shared['"]/.test(code) || /['"`]\.\.\/shared\//.test(code)) offenders.push(f);
  }
  // .ci/nlu-floors.mjs may score ../shared in addition when it exists (issue 16), never instead.
  expect(offenders.filter((f) => f !== path.join('.ci', 'nlu-floors.mjs'))).toEqual([]);
});

it('benches name the CRM data through B24_CRM_DATA rather than a fixed absolute path', () => {
  for (const f of files('bench')) {
    const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
    expect({ f, absolute: /['"`]\/work\//.test(text) }).toEqual({ f, absolute: false });
  }
});
