/**
 * Run by `npm run build` (build.mjs) once the add-on and the CLI are built: the demo club's refresh,
 * as `club-pulse refresh` runs it, then V8's cache of the code it compiled, written beside the
 * bundle (code-cache.ts).
 */
import { writeCodeCache } from './code-cache';
import { builtAddon, distDir, runAddon, todayOf } from './session';
import { loadWorkbook } from './workbook/xlsx';

export async function warmCodeCache(demo: string): Promise<string> {
  const model = await loadWorkbook(demo);
  const bundle = runAddon(model);
  const result = bundle.api.refreshKpis({ period: '', today: todayOf(model), withReport: false });
  if (!result.ok) throw new Error(`The demo refresh failed while making the code cache: ${result.message}`);
  return writeCodeCache(distDir(), builtAddon().code, bundle.makeCodeCache());
}
