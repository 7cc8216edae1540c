/**
 * A small RFC 4180 CSV reader: quoted fields, doubled quotes, CRLF, a chosen or detected
 * separator. Bad shapes (ragged rows, a separator that splits nothing) are reported as a
 * `DataError` naming the line, never as a crash further down the pipeline.
 */
import { DataError } from './errors';

export interface CsvTable {
  header: string[];
  /** Row-major cells; '' means missing. */
  rows: string[][];
  separator: string;
}

const CANDIDATES = [',', ';', '\t', '|'];

/** Count each candidate separator in the first line, outside quotes. */
function countSeparators(firstLine: string): Map<string, number> {
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return counts;
}

function firstLineOf(text: string): string {
  const nl = text.indexOf('\n');
  return (nl < 0 ? text : text.slice(0, nl)).replace(/\r$/, '');
}

/** The separator that splits the header into the most fields (ties: comma first). */
export function detectSeparator(text: string): string {
  const counts = countSeparators(firstLineOf(text));
  let best = ',';
  for (const c of CANDIDATES) if (counts.get(c)! > counts.get(best)!) best = c;
  return best;
}

export function parseCsv(text: string, separator?: string): CsvTable {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new DataError('the CSV file is empty');
  const sep = separator ?? detectSeparator(text);
  if (sep.length !== 1) throw new DataError(`the separator must be one character, got "${sep}"`);
  const records = splitRecords(text, sep);
  const header = records[0]!.map((h) => h.trim());
  if (header.length < 2) {
    const counts = countSeparators(firstLineOf(text));
    const other = CANDIDATES.filter((c) => c !== sep && counts.get(c)! > 0).sort((a, b) => counts.get(b)! - counts.get(a)!)[0];
    throw new DataError(
      `the header has one column with separator ${JSON.stringify(sep)}` +
        (other ? `; the file looks ${JSON.stringify(other)}-separated (try --sep '${other}')` : '; a table needs at least a feature and a target'),
    );
  }
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) throw new DataError(`the header names column "${h}" twice`);
    seen.add(h);
  }
  const rows: string[][] = [];
  for (let r = 1; r < records.length; r++) {
    const rec = records[r]!;
    if (rec.length === 1 && rec[0] === '') continue; // blank line
    if (rec.length !== header.length) {
      throw new DataError(`line ${lineOf(records, r)} has ${rec.length} fields, the header has ${header.length} (ragged row or wrong separator)`);
    }
    rows.push(rec);
  }
  return { header, rows, separator: sep };
}

// Line numbers of records, kept beside them so errors can point at the file's line.
const LINE = Symbol('line');
type Rec = string[] & { [LINE]?: number };
function lineOf(records: Rec[], r: number): number {
  return records[r]![LINE] ?? r + 1;
}

function splitRecords(text: string, sep: string): Rec[] {
  const out: Rec[] = [];
  let row: Rec = [];
  row[LINE] = 1;
  let line = 1;
  let field = '';
  let i = 0;
  const n = text.length;
  const sepCode = sep.charCodeAt(0);
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */ && field === '') {
      // Quoted field: read to the closing quote, "" is a literal quote.
      let j = i + 1;
      let buf = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) throw new DataError(`line ${line}: a quoted field is never closed`);
        buf += text.slice(j, q);
        for (let k = j; k < q; k++) if (text.charCodeAt(k) === 10) line++;
        if (text.charCodeAt(q + 1) === 34) {
          buf += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      field = buf;
      i = j;
      // Anything between the closing quote and the separator is kept verbatim (lenient).
      continue;
    }
    if (c === sepCode) {
      row.push(field);
      field = '';
      i++;
    } else if (c === 10 || c === 13) {
      row.push(field);
      field = '';
      out.push(row);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      i++;
      line++;
      row = [];
      row[LINE] = line;
    } else {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === sepCode || d === 10 || d === 13) break;
        j++;
      }
      field += text.slice(i, j);
      i = j;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    out.push(row);
  }
  return out;
}
