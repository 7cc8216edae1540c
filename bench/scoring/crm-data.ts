/**
 * Where the scoring benches find the public CRM data sets (13 MB, with scikit-learn reference
 * figures): they stay outside the repository, in the project's shared folder beside it
 * (`../shared/data/crm`), or wherever B24_CRM_DATA points. A missing file is said by name.
 */
import fs from 'node:fs';
import path from 'node:path';

export const CRM_DATA_DIR = process.env.B24_CRM_DATA ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'data', 'crm');

/** The path of one data set ("bank-additional-full.csv"); exits with a clear message when absent. */
export function crmDataFile(name: string): string {
  const file = path.join(CRM_DATA_DIR, name);
  if (!fs.existsSync(file)) {
    process.stderr.write(`${file} is missing: put the public CRM data there or set B24_CRM_DATA to its folder\n`);
    process.exit(2);
  }
  return file;
}
