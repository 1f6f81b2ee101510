/**
 * V8's code cache of the add-on bundle (issue 21): `npm run build` runs the demo club's refresh
 * once and keeps the compiled code of every function it ran, beside dist/Code.js; each later
 * command hands it to V8 (runtime.ts), which then neither parses nor compiles those functions again
 * (about 50 ms of the demo refresh's second).
 *
 * V8 checks a cache against its own version and flags but not against the source text (only its
 * length), so the file is named by a hash of the code it was made from: a bundle rebuilt without
 * its cache finds none and compiles as before. A cache V8 refuses (another Node) is ignored.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PREFIX = 'code-cache-';

function cachePath(dist: string, code: string): string {
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 20);
  return join(dist, 'local', `${PREFIX}${hash}.bin`);
}

/** The cache made from `code`, if the build made one. */
export function readCodeCache(dist: string, code: string): Buffer | undefined {
  const path = cachePath(dist, code);
  return existsSync(path) ? readFileSync(path) : undefined;
}

/** Writes the cache of `code` (replacing any other) and returns its path. */
export function writeCodeCache(dist: string, code: string, cache: Buffer): string {
  const folder = join(dist, 'local');
  for (const name of readdirSync(folder))
    if (name.startsWith(PREFIX) && name.endsWith('.bin')) rmSync(join(folder, name));
  const path = cachePath(dist, code);
  writeFileSync(path, cache);
  return path;
}
