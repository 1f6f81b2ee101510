/**
 * V8's code cache of the add-on bundle (src/local/code-cache.ts): the build makes it from the demo
 * club's refresh, the runtime hands it to V8, and a cache that is not the code's is never used.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCodeCache, writeCodeCache } from '../../src/local/code-cache';
import { loadBundle } from '../../src/local/runtime';
import { builtAddon, distDir } from '../../src/local/session';
import { loadWorkbook } from '../../src/local/workbook/xlsx';

const DEMO = join(__dirname, '../../examples/demo-club.xlsx');
const scratch = mkdtempSync(join(tmpdir(), 'club-pulse-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * The demo's refresh by the bundle loaded with `codeCache`. V8 keeps in memory what it compiled
 * from a source text and then reads no cache at all: `variant` makes the text another one.
 */
async function refreshWith(codeCache?: Uint8Array, variant = '') {
  const code = builtAddon().code + (variant ? `\n// ${variant}\n` : '');
  const bundle = loadBundle(code, { workbook: await loadWorkbook(DEMO), codeCache });
  const result = bundle.api.refreshKpis({ period: '2026', today: '2026-06-30', withReport: false });
  return { bundle, result };
}

describe('the code cache of the bundle', () => {
  it('is made by the build for dist/Code.js, and V8 takes it', async () => {
    const { code, codeCache } = builtAddon();
    expect(codeCache).toBeDefined();
    expect(codeCache).toEqual(readCodeCache(distDir(), code));
    const { bundle, result } = await refreshWith(codeCache);
    expect(bundle.codeCacheAccepted).toBe(true);
    expect(result.ok).toBe(true);
  });

  it('gives the same refresh as no cache, and a damaged cache is refused without harm', async () => {
    const cached = await refreshWith(builtAddon().codeCache);
    const none = await refreshWith(undefined, 'none');
    expect(none.bundle.codeCacheAccepted).toBeNull();
    const damaged = await refreshWith(Buffer.from('not a code cache, not at all'), 'damaged');
    expect(damaged.bundle.codeCacheAccepted).toBe(false);
    // The same figures, words and charts; only the time taken and the time stamp differ.
    const stable = (r: typeof none.result) => ({ ...r, durationMs: 0, refreshedAt: '' });
    expect(cached.result.ok && cached.result.kpis.length).toBeGreaterThan(20);
    for (const other of [none, damaged]) expect(stable(other.result)).toEqual(stable(cached.result));
  });

  it('is named by the code it was made from: another code finds none', () => {
    const dist = join(scratch, 'dist');
    mkdirSync(join(dist, 'local'), { recursive: true });
    const code = readFileSync(join(distDir(), 'Code.js'), 'utf8');
    writeCodeCache(dist, code, Buffer.from([1, 2, 3]));
    expect(readCodeCache(dist, code)).toEqual(Buffer.from([1, 2, 3]));
    // The same length, one character changed: V8 alone could not tell (it checks the length).
    const other = `${code.slice(0, -1)}${code.endsWith(' ') ? '\n' : ' '}`;
    expect(other.length).toBe(code.length);
    expect(readCodeCache(dist, other)).toBeUndefined();
    // A new cache replaces the old one.
    writeCodeCache(dist, other, Buffer.from([4]));
    expect(readCodeCache(dist, code)).toBeUndefined();
  });
});
