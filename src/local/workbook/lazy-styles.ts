/**
 * A loaded tab's format maps (number formats, colours, weights, sizes, alignments, wraps), made
 * only when something asks for them (issue 21). A club's tabs are formatted down to row 1,000 as
 * Sheets exports them: the demo's tracking tabs hold 74,000 empty cells with a number format, and
 * a refresh reads their values, not their formats. So the loader notes each formatted cell as three
 * numbers (row, column, look) and the maps are filled on the first read of any of them, in the
 * order the cells came, as the loader would have filled them.
 *
 * The save's snapshot of a tab (sheet-snapshot.ts) covers the formats without copying them at
 * load: a tab whose maps were never made cannot have changed them, and a tab whose maps were made
 * is compared with the noted cells, kept for that (`stylesAsLoaded`).
 */
import { cellKey, type SheetModel, STYLE_MAPS } from './model';

export type StyleMap = (typeof STYLE_MAPS)[number];

/** What one look puts in the maps: a value per map it sets. */
export type Look = Partial<Record<StyleMap, string | number | boolean>>;

/** The formatted cells of one tab, not yet in its maps. */
export class PendingStyles {
  readonly rows: number[] = [];
  readonly cols: number[] = [];
  readonly lookOf: number[] = [];

  constructor(readonly looks: Look[]) {}

  add(row0: number, col0: number, look: number): void {
    this.rows.push(row0);
    this.cols.push(col0);
    this.lookOf.push(look);
  }

  /** Each cell's key and value for one map, in the order the cells came. */
  *entries(map: StyleMap): Generator<[string, string | number | boolean]> {
    for (let i = 0; i < this.rows.length; i++) {
      const value = this.looks[this.lookOf[i]][map];
      if (value !== undefined) yield [cellKey(this.rows[i], this.cols[i]), value];
    }
  }
}

interface LazyState {
  /** The noted cells, until the maps are made. */
  pending: PendingStyles | null;
  /** The noted cells, kept after the maps are made to tell whether they still say the same. */
  readonly loaded: PendingStyles;
}

const lazy = new WeakMap<SheetModel, LazyState>();

/** Makes `sheet`'s format maps from `pending` on first use of any of them. */
export function deferStyles(sheet: SheetModel, pending: PendingStyles): void {
  const state: LazyState = { pending, loaded: pending };
  lazy.set(sheet, state);
  const make = (): void => {
    if (!state.pending) return;
    const from = state.pending;
    state.pending = null;
    for (const map of STYLE_MAPS) {
      const filled = new Map<string, unknown>(from.entries(map));
      Object.defineProperty(sheet, map, {
        value: filled,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    }
  };
  for (const map of STYLE_MAPS) {
    Object.defineProperty(sheet, map, {
      enumerable: true,
      configurable: true,
      get: () => {
        make();
        return sheet[map];
      },
      set: (value: unknown) => {
        make();
        Object.defineProperty(sheet, map, { value, writable: true, enumerable: true, configurable: true });
      },
    });
  }
}

/** One format map's entries, read without making the maps when they are not made yet. */
export function styleEntries(sheet: SheetModel, map: StyleMap): Iterable<[string, unknown]> {
  const pending = lazy.get(sheet)?.pending;
  return pending ? pending.entries(map) : (sheet[map] as Map<string, unknown>).entries();
}

/**
 * Whether a tab's formats are still those of its file: true when the maps were never made or say
 * exactly what the noted cells said (the order of entries aside: the writer writes by cell); null
 * for a tab whose formats were not deferred (the caller hashes its maps).
 */
export function stylesAsLoaded(sheet: SheetModel): boolean | null {
  const state = lazy.get(sheet);
  if (!state) return null;
  if (state.pending) return true;
  for (const map of STYLE_MAPS) {
    const now = sheet[map] as Map<string, unknown>;
    let count = 0;
    for (const [key, value] of state.loaded.entries(map)) {
      if (now.get(key) !== value) return false;
      count++;
    }
    if (now.size !== count) return false;
  }
  return true;
}
