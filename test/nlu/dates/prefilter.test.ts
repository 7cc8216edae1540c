/**
 * The pre-filter may only skip texts chrono finds nothing in: over every corpus line (in both
 * languages), every input of the date tests and some of chrono's own forms, the extractor with
 * the filter returns exactly what it returns without it. Plus the filter's own behaviour.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createDateExtractor, loadDateGrammars } from '../../../src/nlu/dates';
import { createPrefilter, enPrefilter, ruPrefilter } from '../../../src/nlu/dates/prefilter';
import { ctx } from './helpers';
import { CORPUS_DIR } from '../../helpers/data';

const corpusDir = CORPUS_DIR;

function corpusTexts(): string[] {
  if (!fs.existsSync(corpusDir)) return [];
  return fs
    .readdirSync(corpusDir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => fs.readFileSync(path.join(corpusDir, f), 'utf8').split('\n'))
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text);
}

/** The first string argument of every expectMentions/expectNone call in the date tests. */
function testInputs(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.test.ts')) {
        const src = fs.readFileSync(p, 'utf8');
        for (const m of src.matchAll(/expect(?:Mentions|None)\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g)) out.push(m[2]!.replace(/\\(.)/g, '$1'));
      }
    }
  };
  walk(__dirname);
  return out;
}

const chronoForms = [
  'in a few minutes', 'a couple of hours later', 'last night', 'this weekend', 'see you tmrw', 'two weeks from now',
  'three days ago', 'next month', 'in half an hour', 'at noon', 'overmorrow', 'within a fortnight', 'several hours later',
  'полтретьего', 'в половине третьего', 'без четверти пять', 'через неделю', 'позавчера', 'через пару часов',
  'в течение часа', 'неделю назад', 'спустя два дня', 'двадцать пятого', 'в следующую пятницу', 'до конца недели', 'утром',
];

describe('date pre-filter', () => {
  const filtered = createDateExtractor();
  const unfiltered = createDateExtractor({ prefilter: false });

  it('never changes a result', () => {
    const texts = [...corpusTexts(), ...testInputs(), ...chronoForms];
    expect(texts.length).toBeGreaterThan(100);
    const g = loadDateGrammars();
    const passes = { en: enPrefilter(g.en), ru: ruPrefilter(g.ru) };
    let skipped = 0;
    for (const text of texts) {
      for (const lang of ['ru', 'en'] as const) {
        const a = filtered.extract(text, ctx(lang));
        const b = unfiltered.extract(text, ctx(lang));
        expect({ text, lang, mentions: a }).toEqual({ text, lang, mentions: b });
        if (!passes[lang](text)) skipped++;
      }
    }
    expect(skipped).toBeGreaterThan(texts.length / 4); // the filter is really at work
  });

  it('passes digits and listed words, stems only when asked', () => {
    const en = createPrefilter(['friday', 'in the morning'], false);
    expect(en('call at 5')).toBe(true);
    expect(en('See you Friday')).toBe(true);
    expect(en('early morning run')).toBe(true); // a phrase counts by its longest word
    expect(en('fridays')).toBe(false);
    expect(en('play some jazz')).toBe(false);
    const ru = createPrefilter(['пятница', 'дн'], true);
    expect(ru('в пятницу')).toBe(true);
    expect(ru('дню')).toBe(false); // a stem shorter than three letters must match whole
    expect(ru('дн')).toBe(true);
    expect(ru('позвони маме')).toBe(false);
  });
});
