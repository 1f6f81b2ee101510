// Where the third-party samples are: the shared folder beside the repository when it is there
// (the reference copy), else the copies in test/fixtures/samples (for a lone clone, e.g. CI).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = join(ROOT, '../shared/samples');
const VENDORED = join(ROOT, 'test/fixtures/samples');

export function samplePath(name: string): string {
  const shared = join(SHARED, name);
  return existsSync(shared) ? shared : join(VENDORED, name);
}
