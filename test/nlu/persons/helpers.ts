import fs from 'node:fs';
import type { Directory } from '../../../src/nlu/types';
import { createPersonFinder, type PersonFinder } from '../../../src/nlu/persons';
import { CORPUS_DIR } from '../../helpers/data';

export { CORPUS_DIR };

export function demoDirectory(): Directory {
  return JSON.parse(fs.readFileSync(`${CORPUS_DIR}/directory.json`, 'utf8')) as Directory;
}

let shared: Promise<PersonFinder> | null = null;
/** One finder per test file: loading az's dictionaries takes a few hundred ms. */
export function finder(): Promise<PersonFinder> {
  if (!shared) shared = createPersonFinder();
  return shared;
}
