/**
 * The one CSV reader of the project: an export file's text to rows of cells, with papaparse.
 * Handles what the exports clubs bring actually look like (reference/export-formats.md §8): `;`,
 * `,` or tab separators (HelloAsso writes `;`, Excel re-saves and Google write `,`), a UTF-8 BOM,
 * CRLF records with LF newlines inside quoted cells, and quoted cells holding the separator
 * (`"2020 ; 2019"`, `"45,00"`). Blank lines are kept as empty rows so line numbers match the file.
 */

import Papa from 'papaparse';

const DELIMITERS = [';', ',', '\t'];

/** The cells of a CSV text; the delimiter is guessed among `;`, `,` and tab. */
export function parseCsvText(text: string): string[][] {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (clean.trim() === '') return [];
  const result = Papa.parse(clean, { delimiter: guessDelimiter(clean), skipEmptyLines: false });
  const rows = result.data.map((row) => row.map((cell) => (cell == null ? '' : String(cell))));
  // A final newline gives one empty row at the end: drop trailing empty rows.
  while (rows.length > 0 && rows[rows.length - 1].every((cell) => cell === '')) rows.pop();
  return rows;
}

/**
 * The separator of the first non-empty record (outside quotes): the most frequent of `;`, `,` and
 * tab. A key/value report (`"Title:","X"`) or a one-column file still gets a sensible answer, and a
 * header like HelloAsso's, whose labels may contain commas (`Je viens seul(e), et…`), is read by
 * its `;`.
 */
function guessDelimiter(text: string): string {
  const counts = new Map(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  let seenContent = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (seenContent && [...counts.values()].some((n) => n > 0)) break;
    } else if (!inQuotes && counts.has(ch)) {
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
      seenContent = true;
    } else if (ch.trim() !== '') seenContent = true;
  }
  let best = ',';
  let bestCount = 0;
  for (const [d, n] of counts) {
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}
