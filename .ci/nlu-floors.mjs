// Scores the parser on each public corpus with shared/tools/nlu-eval.mjs and fails when a corpus
// scores under its floor in .ci/nlu-floors.json. Usage: node .ci/nlu-floors.mjs SHARED_DIR
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const shared = path.resolve(process.argv[2] ?? '../shared');
const floors = JSON.parse(readFileSync(new URL('./nlu-floors.json', import.meta.url), 'utf8'));
const cmd = `npm run --silent cli -- parse --jsonl --directory ${path.join(shared, 'corpus', 'directory.json')}`;
let failed = 0;
for (const [file, floor] of Object.entries(floors)) {
  if (file.startsWith('_')) continue;
  const args = [path.join(shared, 'tools', 'nlu-eval.mjs'), '--corpus', path.join(shared, 'corpus', file), '--cmd', cmd, '--json'];
  if (floor.intentsOnly) args.push('--intents-only');
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  let res;
  try {
    res = JSON.parse(r.stdout.trim().split('\n').pop());
  } catch {
    console.log(`${file}: the evaluation produced no result\n${r.stderr}`);
    failed++;
    continue;
  }
  const ok = res.rate >= floor.min;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${file}: ${res.right}/${res.utterances} (${(100 * res.rate).toFixed(1)}%), floor ${(100 * floor.min).toFixed(1)}%${floor.intentsOnly ? ', intents only' : ''}`);
  if (!ok) {
    failed++;
    for (const f of res.failures.slice(0, 15)) console.log(`     ✗ ${f.id}: ${f.text}\n         ${f.problems.join('; ')}`);
  }
}
const total = Object.keys(floors).filter((k) => !k.startsWith('_')).length;
console.log(`nlu-floors: ${total - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
