/** The installation check's report (src/gas/diagnostic.ts, `club-pulse doctor`): its rows and labels. */
import type { Lang } from './i18n';

export interface DiagnosticRow {
  behaviour: string;
  expected: string;
  observed: string;
  /** ok: as expected; handled: unsettled, the add-on works either way; fail: a service is refused. */
  verdict: 'ok' | 'handled' | 'fail';
}

export const DIAGNOSTIC_HEADER: Record<Lang, string[]> = {
  fr: ['Comportement', 'Attendu', 'Observé', 'Verdict'],
  en: ['Behaviour', 'Expected', 'Observed', 'Verdict'],
};

export const DIAGNOSTIC_VERDICT: Record<Lang, Record<DiagnosticRow['verdict'], string>> = {
  fr: { ok: 'OK', handled: 'Pris en charge', fail: 'Échec' },
  en: { ok: 'OK', handled: 'Handled', fail: 'Failed' },
};

/** A row as the report shows it. */
export function diagnosticCells(row: DiagnosticRow, lang: Lang): string[] {
  return [row.behaviour, row.expected, row.observed, DIAGNOSTIC_VERDICT[lang][row.verdict]];
}
