/**
 * Where an import's rows go in a tab as the club laid it out: the addition's columns (schema ids)
 * are matched to the tab's own header, whatever its order or language; a column the tab lacks
 * (typically the source reference) is added at the end of the header; a missing tab is created
 * with the addition's labels. Pure: the adapter writes the result in one call per tab.
 */

import type { Lang } from '../i18n';
import { normalizeLabel } from '../normalize';
import { tabSpec } from '../schema';
import type { ImportAddition } from './types';

export interface Placement {
  /** The full header after the import (unchanged, extended, or new). */
  header: string[];
  /** Columns appended to the header, 0-based indexes (to write as header cells). */
  addedColumns: number[];
  /** The rows, one cell per header column ('' where the import has nothing). */
  rows: unknown[][];
}

/** Places `addition` under `header` (the tab's first row; null when the tab does not exist). */
export function placeAddition(header: unknown[] | null, addition: ImportAddition, lang: Lang): Placement {
  const spec = tabSpec(addition.tab);
  const full = header ? header.map((h) => (h === null || h === undefined ? '' : String(h))) : [];
  while (full.length > 0 && full[full.length - 1].trim() === '') full.pop();
  const keysOf = (id: string): Set<string> => {
    const column = spec.columns.find((c) => c.id === id);
    const spellings = column
      ? [column.id, column.label.fr, column.label.en, ...(column.aliases ?? [])]
      : [id];
    return new Set(spellings.map(normalizeLabel));
  };
  const addedColumns: number[] = [];
  const positions = addition.columns.map((id, i) => {
    const keys = keysOf(id);
    const found = full.findIndex((h) => keys.has(normalizeLabel(h)));
    if (found >= 0) return found;
    const label = addition.header[i] ?? spec.columns.find((c) => c.id === id)?.label[lang] ?? id;
    full.push(label);
    addedColumns.push(full.length - 1);
    return full.length - 1;
  });
  const rows = addition.rows.map((cells) => {
    const line: unknown[] = Array(full.length).fill('');
    positions.forEach((position, i) => {
      const v = cells[i];
      line[position] = v === null || v === undefined ? '' : v;
    });
    return line;
  });
  return { header: full, addedColumns: header ? addedColumns : [], rows };
}
