/**
 * Person finder figures: az dictionary load, index build for generated directories of 1,000 and
 * 10,000 users, and find() throughput over the public corpora's Russian and English commands.
 * Printed beside a reference measured in the same run: splitting the same texts into words and
 * looking each up in a Map (the floor of any dictionary-based finder).
 *   npm run bench -- persons      (or: npx tsx bench/persons.ts)
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadMorph } from '../src/nlu/morph';
import { createPersonFinder } from '../src/nlu/persons';
import type { Directory } from '../src/nlu/types';
import { generateDirectory } from './directory-gen';

const corpusDir = process.env.B24_CORPUS_DIR ?? path.resolve(__dirname, '..', 'test', 'corpus');

function texts(): { text: string; lang: 'ru' | 'en' }[] {
  const out: { text: string; lang: 'ru' | 'en' }[] = [];
  for (const f of ['seed.jsonl', 'extra.jsonl', 'peers-dates-ru.jsonl', 'peers-slurp-en.jsonl']) {
    const p = path.join(corpusDir, f);
    if (!fs.existsSync(p)) continue;
    for (const line of fs.readFileSync(p, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { text } = JSON.parse(line) as { text: string };
      out.push({ text, lang: /[а-яё]/i.test(text) ? 'ru' : 'en' });
    }
  }
  return out;
}

const ms = (t0: number) => (performance.now() - t0).toFixed(1);

async function main(): Promise<void> {
  let t0 = performance.now();
  const morph = await loadMorph();
  console.log(`az dictionaries load:            ${ms(t0)} ms`);
  t0 = performance.now();
  const finder = await createPersonFinder({ morph });
  console.log(`finder (grammars, petrovich):    ${ms(t0)} ms`);

  const demo = JSON.parse(fs.readFileSync(path.join(corpusDir, 'directory.json'), 'utf8')) as Directory;
  const all = texts();
  const ru = all.filter((x) => x.lang === 'ru');
  console.log(`texts: ${all.length} (${ru.length} Russian), ${(all.reduce((s, x) => s + x.text.split(/\s+/).length, 0) / all.length).toFixed(1)} words on average`);

  for (const size of [1_000, 10_000]) {
    const dir = generateDirectory(size, 7, demo);
    t0 = performance.now();
    finder.find('', dir, 'ru'); // builds the index
    const cold = ms(t0);
    const again = { ...dir, users: [...dir.users] };
    t0 = performance.now();
    finder.find('', again, 'ru');
    const warm = ms(t0);
    t0 = performance.now();
    finder.find('напиши Виноградаву', dir, 'ru'); // first misheard word builds the fuzzy index
    const fuzzy = ms(t0);
    console.log(`\n${size} users: index build ${cold} ms (first), ${warm} ms (new directory object, names cached); fuzzy index ${fuzzy} ms (lazy)`);

    // One pass to fill az's word cache, then timed passes.
    for (const x of all) finder.find(x.text, dir, x.lang);
    const rounds = size >= 10_000 ? 10 : 20;
    let mentions = 0;
    t0 = performance.now();
    for (let r = 0; r < rounds; r++) for (const x of all) mentions += finder.find(x.text, dir, x.lang).length;
    const el = performance.now() - t0;
    const calls = rounds * all.length;

    // Reference: split into words and look each up in a Map of the same directory's name strings.
    const names = new Map<string, number>();
    for (const u of dir.users) {
      names.set(u.name.toLowerCase(), u.id);
      names.set(u.lastName.toLowerCase(), u.id);
    }
    let hits = 0;
    t0 = performance.now();
    for (let r = 0; r < rounds; r++) {
      for (const x of all) for (const w of x.text.toLowerCase().split(/[^\p{L}]+/u)) if (names.has(w)) hits++;
    }
    const ref = performance.now() - t0;
    console.log(
      `  find(): ${((el / calls) * 1000).toFixed(1)} µs/call, ${Math.round(calls / (el / 1000)).toLocaleString('en')} calls/s` +
        ` (${calls} calls, ${mentions} mentions) | reference split+Map: ${((ref / calls) * 1000).toFixed(2)} µs/call (${hits} hits)`,
    );
  }

  // Cold words: a fresh analyser cache, every word seen for the first time.
  const freshFinder = await createPersonFinder({ morph: await loadMorph() });
  t0 = performance.now();
  for (const x of ru) freshFinder.find(x.text, demo, 'ru');
  const cold = performance.now() - t0;
  console.log(`\ncold (empty word cache, demo directory): ${((cold / ru.length) * 1000).toFixed(1)} µs per Russian command`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
