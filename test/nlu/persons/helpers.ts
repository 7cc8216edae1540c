import fs from 'node:fs';
import type { Directory } from '../../../src/nlu/types';
import { createPersonFinder, type PersonFinder } from '../../../src/nlu/persons';

export const CORPUS_DIR = process.env.B24_CORPUS_DIR ?? '/work/shared/corpus';

export function demoDirectory(): Directory {
  return JSON.parse(fs.readFileSync(`${CORPUS_DIR}/directory.json`, 'utf8')) as Directory;
}

let shared: Promise<PersonFinder> | null = null;
/** One finder per test file: loading az's dictionaries takes a few hundred ms. */
export function finder(): Promise<PersonFinder> {
  if (!shared) shared = createPersonFinder();
  return shared;
}
