import { createCommandWordFixer, editDistance } from '../../src/nlu/command-fuzzy';

describe('editDistance', () => {
  it('counts a swap, a drop, a double and a change as one edit', () => {
    expect(editDistance('сообщенеи', 'сообщение')).toBe(1);
    expect(editDistance('пставь', 'поставь')).toBe(1);
    expect(editDistance('напиши', 'напишии')).toBe(1);
    expect(editDistance('напиши', 'напаши')).toBe(1);
    expect(editDistance('напиши', 'позвони')).toBeGreaterThan(1);
  });
});

describe('createCommandWordFixer', () => {
  const known = new Set(['постель']);
  const fixer = createCommandWordFixer(['постав*', 'напиши', 'напомни', 'задач*'], (w) => known.has(w));
  it('corrects a word one edit from exactly one entry, keeping a stem’s ending', () => {
    expect(fixer.fix('пставь')).toBe('поставь');
    expect(fixer.fix('напши')).toBe('напиши');
  });
  it('leaves dictionary words, short words and collisions alone', () => {
    expect(fixer.fix('постель')).toBeNull();
    expect(fixer.fix('нап')).toBeNull();
    const twoWay = createCommandWordFixer(['напиши', 'напили'], () => false);
    expect(twoWay.fix('напиди')).toBeNull();
  });
  it('English, with no dictionary: a dropped, added or swapped letter, never a changed one', () => {
    const en = createCommandWordFixer(['send', 'create', 'schedule', 'remind'], () => false, { letters: /^[a-z]+$/, dropsAndSwapsOnly: true, vowelless: /[aeiouy]/ });
    expect(en.fix('remined')).toBe('remind');
    expect(en.fix('sendd')).toBe('send');
    expect(en.fix('creaate')).toBe('create');
    expect(en.fix('shedule')).toBe('schedule');
    expect(en.fix('sands')).toBeNull();
    expect(en.fix('sena')).toBeNull();
  });
});
