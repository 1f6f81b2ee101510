/**
 * What an erasure must also reach beyond the cells' values (issue 20): the legacy places a member's
 * identity may hide in a workbook.
 * - The key the old hidden `_ClubPulse_Mail` log (and the Mail log of an anonymous survey) kept for
 *   a recipient: their member id, or in anonymous mode a hash of their lower-cased address
 *   (survey-invitations.ts `recipientKey`); the hash identifies them as well as the address does, so
 *   a cell holding it is rewritten like one holding their id. Addresses in those tabs are plain text
 *   and go with the other text cells.
 * - Cell notes, in any tab (https://developers.google.com/apps-script/reference/spreadsheet/range#getnotes):
 *   their e-mail and names are replaced as in a text cell.
 * - Formulas whose text quotes them (`=VLOOKUP("alice@…";…)`): the formula is replaced by its value
 *   (itself erased when it is text), and the erasure reports the cell.
 */

import { hashOf } from './survey-invitations';

/** One tab's formulas and notes, in the shape of its values ('' where none). */
export interface CellExtras {
  formulas?: string[][];
  notes?: string[][];
}

/** One note to change: `note` null removes it. */
export interface NoteEdit {
  tab: string;
  /** 1-based. */
  row: number;
  /** 1-based. */
  column: number;
  note: string | null;
}

/** The tokens a member's identity is kept under as a whole cell (the legacy logs' hashed address). */
export function recipientHashes(email: string): string[] {
  const e = email.trim().toLowerCase();
  return e.includes('@') ? [hashOf(e)] : [];
}

/** A cell's text with the member's identity replaced (pattern: their e-mail and names). */
export type Scrub = (text: string) => string;

/** The notes that name the member, rewritten by `scrub` (removed when nothing is left). */
export function planNoteEdits(tab: string, notes: string[][] | undefined, scrub: Scrub): NoteEdit[] {
  const out: NoteEdit[] = [];
  notes?.forEach((line, r) => {
    line?.forEach((note, c) => {
      if (typeof note !== 'string' || note === '') return;
      const next = scrub(note);
      if (next !== note) out.push({ tab, row: r + 1, column: c + 1, note: next.trim() === '' ? null : next });
    });
  });
  return out;
}

/** `Tab!B3` for a 1-based cell. */
export function a1Of(tab: string, row: number, column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${tab}!${letters}${row}`;
}

/** A cell edit as member-data.ts plans it (`value` null clears; text is written as text). */
interface Edit {
  tab: string;
  row: number;
  column: number;
  value: unknown;
}

/**
 * The formulas of one tab that quote the member, replaced by their value (text values erased by
 * `scrub`), and every formula cell another edit already replaces: both reported as `Tab!B3`.
 */
export function planFormulaEdits(
  tab: string,
  values: unknown[][],
  formulas: string[][] | undefined,
  edits: Edit[],
  scrub: Scrub,
): { edits: Edit[]; replaced: string[] } {
  const out: Edit[] = [];
  const replaced: string[] = [];
  const edited = new Set(edits.filter((e) => e.tab === tab).map((e) => `${e.row}:${e.column}`));
  formulas?.forEach((line, r) => {
    line?.forEach((formula, c) => {
      if (typeof formula !== 'string' || formula === '') return;
      if (edited.has(`${r + 1}:${c + 1}`)) replaced.push(a1Of(tab, r + 1, c + 1));
      else if (scrub(formula) !== formula) {
        const value = values[r]?.[c] ?? '';
        out.push({ tab, row: r + 1, column: c + 1, value: typeof value === 'string' ? scrub(value) : value });
        replaced.push(a1Of(tab, r + 1, c + 1));
      }
    });
  });
  return { edits: out, replaced };
}
