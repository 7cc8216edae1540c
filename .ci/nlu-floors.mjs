// Scores the parser on each public corpus with the corpus scorer and fails when a corpus scores
// under its floor in .ci/nlu-floors.json. The corpora are the repository's copies in test/corpus;
// when a shared folder is given (or ../shared exists) and holds a corpus that differs from our
// copy, that version is scored against the same floor too, so a newer shared corpus is noticed.
//   node .ci/nlu-floors.mjs [SHARED_DIR]
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ours = path.join(root, 'test', 'corpus');
const sharedArg = process.argv[2] ?? path.join(root, '..', 'shared');
const shared = existsSync(path.join(sharedArg, 'corpus')) ? path.resolve(sharedArg, 'corpus') : null;
const floors = JSON.parse(readFileSync(new URL('./nlu-floors.json', import.meta.url), 'utf8'));

function score(corpusDir, file, floor, label) {
  const cmd = `npm run --silent cli -- parse --jsonl --directory ${path.join(corpusDir, 'directory.json')}`;
  const args = [path.join(ours, 'nlu-eval.mjs'), '--corpus', path.join(corpusDir, file), '--cmd', cmd, '--json'];
  if (floor.intentsOnly) args.push('--intents-only');
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  let res;
  try {
    res = JSON.parse(r.stdout.trim().split('\n').pop());
  } catch {
    console.log(`FAIL ${label}${file}: the evaluation produced no result\n${r.stderr}`);
    return false;
  }
  const ok = res.rate >= floor.min;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}${file}: ${res.right}/${res.utterances} (${(100 * res.rate).toFixed(1)}%), floor ${(100 * floor.min).toFixed(1)}%${floor.intentsOnly ? ', intents only' : ''}`);
  if (!ok) for (const f of res.failures.slice(0, 15)) console.log(`     ✗ ${f.id}: ${f.text}\n         ${f.problems.join('; ')}`);
  return ok;
}

const same = (a, b) => existsSync(b) && readFileSync(a).equals(readFileSync(b));
let passed = 0;
let failed = 0;
for (const [file, floor] of Object.entries(floors)) {
  if (file.startsWith('_')) continue;
  if (score(ours, file, floor, 'test/corpus/')) passed++;
  else failed++;
  if (!shared || !existsSync(path.join(shared, file))) continue;
  if (same(path.join(ours, file), path.join(shared, file)) && same(path.join(ours, 'directory.json'), path.join(shared, 'directory.json'))) continue;
  console.log(`     ${file} in ${shared} differs from test/corpus: scoring it too`);
  if (score(shared, file, floor, 'shared/corpus/')) passed++;
  else failed++;
}
console.log(`nlu-floors: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
