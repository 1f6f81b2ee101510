/**
 * What a report needs of a tracking tab beyond its header row (issue 21: read no more than is
 * needed in Sheets). The core parses, and so checks, every column whose header names a column of
 * the tab (the first of duplicates: readTab in read.ts); a column the club added for itself is
 * never read, except to tell an empty row from a row filled only there (a row with data only in
 * such a column still gets its missing required values reported). A duplicate tab is reported by
 * its name alone. The Settings tab, whose header row is optional, is read whole.
 */

import { isBlank, rawText } from './cells';
import { normalizeLabel } from './normalize';
import { matchHeader } from './read';
import { TABS, type TabSpec } from './schema';

export type ReadPlan =
  /** Read the whole tab. */
  | { kind: 'all' }
  /** Read nothing: a later tab of the same name, reported by name. */
  | { kind: 'none' }
  /** Read these 0-based columns (sorted) below the header row. */
  | { kind: 'columns'; columns: number[] };

const specByName = new Map<string, TabSpec>();
function specOf(name: string): TabSpec | undefined {
  if (specByName.size === 0)
    for (const spec of TABS)
      for (const n of [spec.name.fr, spec.name.en, spec.key]) specByName.set(normalizeLabel(n), spec);
  return specByName.get(normalizeLabel(name));
}

/**
 * The plan of each tab, given the tab names in sheet order; `header(i)` reads tab i's header row
 * (called only for the tabs that need it). Tabs that are not tracking tabs get no plan.
 */
export function readPlans(names: string[], header: (index: number) => unknown[]): Array<ReadPlan | null> {
  const seen = new Set<string>();
  return names.map((name, index) => {
    const spec = specOf(name);
    if (!spec) return null;
    if (seen.has(spec.key)) return { kind: 'none' };
    seen.add(spec.key);
    if (spec.headerOptional) return { kind: 'all' };
    return { kind: 'columns', columns: checkedColumns(spec, header(index)) };
  });
}

/** The header positions the core parses: the first column of each tracked header. */
function checkedColumns(spec: TabSpec, headerRow: unknown[]): number[] {
  const seen = new Set<string>();
  const columns: number[] = [];
  headerRow.forEach((cell, index) => {
    // Header cells as readTab reads them; a date is never a column label, so any zone will do.
    const header = rawText(cell, 'UTC').trim();
    if (!header) return;
    const column = matchHeader(spec, header).column;
    if (!column || seen.has(column.id)) return;
    seen.add(column.id);
    columns.push(index);
  });
  return columns;
}

/** Contiguous runs of sorted column indexes: [start, count] pairs, one range read each. */
export function columnRuns(columns: number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const c of columns) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === c) last[1]++;
    else runs.push([c, 1]);
  }
  return runs;
}

/** 0-based rows (of `rows`) blank in every read column: they need their other columns to be told apart. */
export function blankRowsOf(rows: unknown[][], columns: number[]): number[] {
  const out: number[] = [];
  for (let r = 0; r < rows.length; r++) {
    const line = rows[r];
    if (columns.every((c) => isBlank(line[c]))) out.push(r);
  }
  return out;
}
