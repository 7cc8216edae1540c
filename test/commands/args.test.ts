import { parseArgs, UsageError, wantsHelp } from '../../src/commands/args';

describe('parseArgs', () => {
  const spec = { flags: ['json'], values: ['csv', 'sep'], optionalValues: ['portal'] };

  it('reads flags, values, =values, optional values and positionals', () => {
    const a = parseArgs(['x', '--json', '--csv', 'f.csv', '--sep=;', '--portal', 'y'], spec);
    expect(a.positionals).toEqual(['x']);
    expect(a.has('json')).toBe(true);
    expect(a.get('csv')).toBe('f.csv');
    expect(a.get('sep')).toBe(';');
    expect(a.get('portal')).toBe('y');
    expect(parseArgs(['--portal', '--json'], spec).has('portal')).toBe(true);
    expect(parseArgs(['--portal', '--json'], spec).get('portal')).toBeUndefined();
  });

  it('refuses unknown options, missing values and values on flags', () => {
    expect(() => parseArgs(['--prior', 'x.json'], spec)).toThrow(new UsageError('unknown option --prior'));
    expect(() => parseArgs(['--csv'], spec)).toThrow(/--csv needs a value/);
    expect(() => parseArgs(['--csv', '--json'], spec)).toThrow(/--csv needs a value/);
    expect(() => parseArgs(['--json=1'], spec)).toThrow(/--json takes no value/);
  });

  it('takes everything after -- as positionals', () => {
    expect(parseArgs(['--', '--json', 'a'], spec).positionals).toEqual(['--json', 'a']);
  });

  it('knows when help is asked', () => {
    expect(wantsHelp(['x', '-h'])).toBe(true);
    expect(wantsHelp(['--helpful'])).toBe(false);
  });
});
