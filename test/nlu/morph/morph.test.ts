import { loadMorph } from '../../../src/nlu/morph';

describe('morph (az wrapper)', () => {
  let morph: Awaited<ReturnType<typeof loadMorph>>;
  beforeAll(async () => {
    morph = await loadMorph();
  });

  it('reads lemma, case, gender and the Name tag of a first name', () => {
    const p = morph.analyze('Григорию')[0]!;
    expect(p).toMatchObject({ lemma: 'григорий', nominative: 'григорий', case: 'datv', gender: 'masc', name: true, dictionary: true });
  });

  it('gives a feminine surname its feminine nominative', () => {
    const p = morph.analyze('Ивановой').find((x) => x.surname)!;
    expect(p).toMatchObject({ nominative: 'иванова', gender: 'femn', surname: true });
  });

  it('finds lower-case names (speech) and ё/е', () => {
    expect(morph.analyze('сергею').some((p) => p.name && p.case === 'datv')).toBe(true);
    expect(morph.analyze('Петр').some((p) => p.name)).toBe(true);
  });

  it('tells names from ordinary words', () => {
    expect(morph.isLikelyName('Бориса', true)).toBe(true);
    expect(morph.isLikelyName('григорию', false)).toBe(true);
    expect(morph.isLikelyName('клиенту', true)).toBe(false);
    expect(morph.isLikelyName('Казань', true)).toBe(false);
    expect(morph.isCommonWord('ромашка')).toBe(true);
    expect(morph.isCommonWord('смирнаву')).toBe(false);
  });

  it('inflects a first name by gender', () => {
    const m = morph.nameForms('Саша', 'masc')!;
    expect(m.get('gent')).toEqual(['саши']);
    expect(m.get('ablt')).toEqual(['сашей']);
    expect(morph.nameForms('Жмышенко', 'femn')).toBeNull();
  });

  it('never throws on junk', () => {
    for (const w of ['', '🙂', 'abc', 'a'.repeat(10000), 'при-вет-', '---']) expect(Array.isArray(morph.analyze(w))).toBe(true);
  });
});
