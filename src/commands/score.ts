/**
 * `b24-assistant score --model FILE --csv FILE [--sep ';'] [--id COLUMN]`: each row's probability
 * of success, as CSV on stdout (`row,probability`, or `<id column>,probability`).
 */
import fs from 'node:fs';
import { parseArgs, type OptionSpec } from './args';
import { parseCsv } from '../scoring/csv';
import { compile, parseModel, scoreTable } from '../scoring/model';
import { DataError } from '../scoring/errors';

export const usage = 'usage: b24-assistant score --model FILE --csv FILE [--sep ";"] [--id COLUMN]\n';
export const options: OptionSpec = { values: ['model', 'csv', 'sep', 'id'] };

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, options);
  const modelFile = args.get('model');
  const csvFile = args.get('csv');
  if (!modelFile || !csvFile) {
    process.stderr.write(usage);
    return 2;
  }
  try {
    const model = compile(parseModel(fs.readFileSync(modelFile, 'utf8')));
    const table = parseCsv(fs.readFileSync(csvFile, 'utf8'), args.get('sep'));
    const missing = model.model.preprocessor.columns.map((c) => c.column).filter((c) => !table.header.includes(c));
    if (missing.length) throw new DataError(`the CSV lacks columns the model was trained on: ${missing.join(', ')}`);
    const idColumn = args.get('id');
    const idIndex = idColumn ? table.header.indexOf(idColumn) : -1;
    if (idColumn && idIndex < 0) throw new DataError(`no column "${idColumn}"`);
    const p = scoreTable(model, table);
    const lines = [`${idColumn ?? 'row'},probability`];
    for (let i = 0; i < p.length; i++) lines.push(`${idIndex >= 0 ? table.rows[i]![idIndex] : i + 1},${p[i]!.toFixed(6)}`);
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  } catch (e) {
    if (e instanceof DataError || (e as NodeJS.ErrnoException).code === 'ENOENT') {
      process.stderr.write(`${(e as Error).message}\n`);
      return 2;
    }
    throw e;
  }
}
