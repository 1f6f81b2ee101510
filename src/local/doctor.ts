/**
 * `club-pulse doctor club.xlsx`: the add-on's installation probes (src/gas/diagnostic.ts) run
 * through the bundle in the local runtime, printed as a table in the workbook's language. The
 * workbook file is not saved: the probes leave nothing in it.
 */
import { DIAGNOSTIC_HEADER, type DiagnosticRow, diagnosticCells } from '../core/diagnostic-labels';
import type { Lang } from '../core/i18n';
import { openWorkbook } from './session';

/** Prints the probes' table; returns the number of failed probes. */
export async function doctor(file: string, out: (line: string) => void): Promise<number> {
  const session = await openWorkbook(file);
  const { lang, rows } = session.bundle.call('runDiagnostic') as { lang: Lang; rows: DiagnosticRow[] };
  const table = [DIAGNOSTIC_HEADER[lang], ...rows.map((r) => diagnosticCells(r, lang))];
  const widths = DIAGNOSTIC_HEADER[lang].map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length)));
  for (const row of table)
    out(
      row
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join(' | ')
        .trimEnd(),
    );
  return rows.filter((r) => r.verdict === 'fail').length;
}
