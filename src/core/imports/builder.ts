/**
 * Collects an import's rows per tracking tab, in the schema's column order, refusing any row whose
 * source reference or natural key is already in the workbook or earlier in the same file — so
 * importing the same file twice adds nothing, and an overlapping newer export adds only what is
 * new. Also collects skipped lines and notes, and writes the summary sentence.
 *
 * Where the reference goes: tabs with a `note` column (Referrals, Interactions) carry it there; the
 * others get a trailing `source_ref` column (« Référence source » / « Source reference »), which
 * today's reader keeps and ignores as an unknown column, until the schema declares it.
 */

import type { Lang } from '../i18n';
import { type TabKey, tabSpec } from '../schema';
import type { Existing } from './existing';
import { plural, SOURCE_LABELS, say } from './messages';
import type { FormsMapping, ImportAddition, ImportPlan, SkippedLine, SourceId } from './types';

type Cells = Record<string, unknown>;

export type AddOutcome = { added: true } | { added: false; reason: string };

const REF_LABEL = { fr: 'Référence source', en: 'Source reference' };

export class PlanBuilder {
  private readonly additions = new Map<TabKey, ImportAddition>();
  private readonly refsInFile = new Map<TabKey, Set<string>>();
  private readonly keysInFile = new Map<TabKey, Set<string>>();
  readonly skipped: SkippedLine[] = [];
  readonly notes: string[] = [];

  constructor(
    readonly lang: Lang,
    readonly existing: Existing,
  ) {}

  /**
   * Adds a row unless its reference or natural key is already there; the reason sentence says why
   * not. `cells` holds values by column id; missing columns are written empty.
   */
  add(tab: TabKey, cells: Cells, ref: string): AddOutcome {
    const key = this.existing.naturalKey(tab, cells);
    if (this.existing.hasRef(tab, ref) || (key !== null && this.existing.hasKey(tab, key))) {
      return { added: false, reason: say(this.lang, 'alreadyImported', { ref }) };
    }
    const refs = setOf(this.refsInFile, tab);
    const keys = setOf(this.keysInFile, tab);
    if (refs.has(ref) || (key !== null && keys.has(key))) {
      return { added: false, reason: say(this.lang, 'duplicateInFile', { ref }) };
    }
    refs.add(ref);
    if (key !== null) keys.add(key);
    const addition = this.additionOf(tab);
    const row = addition.columns.map((id) => {
      if (id === 'source_ref' || (id === 'note' && !('note' in cells))) return ref;
      const v = cells[id];
      return v === null || v === undefined ? '' : v;
    });
    addition.rows.push(row);
    addition.sourceRefs.push(ref);
    return { added: true };
  }

  /** True when a row with this reference was added by this plan (or is in the workbook). */
  knows(tab: TabKey, ref: string): boolean {
    return this.existing.hasRef(tab, ref) || (this.refsInFile.get(tab)?.has(ref) ?? false);
  }

  skip(line: number, reason: string): void {
    this.skipped.push({ line, reason });
  }

  note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }

  rowCount(tab: TabKey): number {
    return this.additions.get(tab)?.rows.length ?? 0;
  }

  private additionOf(tab: TabKey): ImportAddition {
    let addition = this.additions.get(tab);
    if (!addition) {
      const spec = tabSpec(tab);
      const hasNote = spec.columns.some((c) => c.id === 'note');
      const columns = spec.columns.map((c) => c.id);
      const header = spec.columns.map((c) => c.label[this.lang]);
      // The schema now declares `source_ref` on the tabs imports fill: add it only where it lacks.
      if (!hasNote && !columns.includes('source_ref')) {
        columns.push('source_ref');
        header.push(REF_LABEL[this.lang]);
      }
      addition = { tab, tabName: spec.name[this.lang], columns, header, rows: [], sourceRefs: [] };
      this.additions.set(tab, addition);
    }
    return addition;
  }

  build(source: SourceId, mapping?: FormsMapping): ImportPlan {
    const order: TabKey[] = ['members', 'events', 'dues', 'attendance', 'communications', 'responses'];
    const additions = [...this.additions.values()]
      .filter((a) => a.rows.length > 0)
      .sort((a, b) => rank(order, a.tab) - rank(order, b.tab));
    this.skipped.sort((a, b) => a.line - b.line);
    const lines = new Set(this.skipped.map((s) => s.line)).size;
    // The same sentence before (« seraient ajoutées », a preview) and after the import (« ajoutées »).
    const sentence = (key: 'summaryRows' | 'summaryRowsPlanned') => {
      const parts = additions.map((a) => {
        const would = a.rows.length > 1 ? 'seraient' : 'serait';
        return plural(say(this.lang, key, { count: a.rows.length, tab: a.tabName, would }), a.rows.length);
      });
      let text = parts.length > 0 ? parts.join(', ') : say(this.lang, 'summaryNothing');
      if (lines > 0) text += `, ${plural(say(this.lang, 'summarySkipped', { count: lines }), lines)}`;
      return `${text}.`;
    };
    return {
      source,
      sourceLabel: SOURCE_LABELS[source][this.lang],
      additions,
      skipped: this.skipped,
      notes: this.notes,
      ...(mapping ? { mapping } : {}),
      summary: sentence('summaryRows'),
      plannedSummary: sentence('summaryRowsPlanned'),
    };
  }
}

function setOf(map: Map<TabKey, Set<string>>, tab: TabKey): Set<string> {
  let set = map.get(tab);
  if (!set) {
    set = new Set<string>();
    map.set(tab, set);
  }
  return set;
}

function rank(order: TabKey[], tab: TabKey): number {
  const i = order.indexOf(tab);
  return i < 0 ? order.length : i;
}
