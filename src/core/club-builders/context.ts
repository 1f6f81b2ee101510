/**
 * What every tab builder of the club model is given: the parsed rows of a tab, a way to report an
 * issue on a cell (the tab's name and the column's header as typed), and the member reference
 * resolver of `resolver.ts`.
 */

import type { Day } from '../dates';
import type { IssueCode, IssueLog } from '../issues';
import type { Member } from '../model';
import { quotingLog, type Row, type TabRead } from '../read';
import type { TabKey } from '../schema';
import type { MemberResolver } from './resolver';

export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
export const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
export const day = (v: unknown): Day | null => (typeof v === 'number' ? v : null);

export interface BuildContext {
  /** The usable rows of a tab ([] when the tab is absent). */
  rowsOf: (key: TabKey) => Row[];
  /** The tab's name as typed. */
  nameOf: (key: TabKey) => string;
  /** A column's header as typed, else its label in the workbook's language. */
  headerOf: (key: TabKey, column: string) => string;
  /** The issue log, quoting values that would read as formulas. */
  issues: Pick<IssueLog, 'lang' | 'add'>;
  /** Reports an issue on one cell: tab and column by their ids. */
  report: (
    key: TabKey,
    row: number,
    column: string,
    value: string,
    code: IssueCode,
    extra?: Record<string, string | number>,
  ) => void;
}

/** The context of a build, before the members are known. */
export function buildContext(tabs: Map<TabKey, TabRead>, log: IssueLog): BuildContext {
  const issues = quotingLog(log);
  const nameOf = (key: TabKey): string => tabs.get(key)!.name;
  const headerOf = (key: TabKey, column: string): string =>
    tabs.get(key)?.headers.get(column) ??
    tabs.get(key)!.spec.columns.find((c) => c.id === column)!.label[issues.lang];
  return {
    rowsOf: (key) => tabs.get(key)?.rows ?? [],
    nameOf,
    headerOf,
    issues,
    report: (key, row, column, value, code, extra) =>
      issues.add({
        tab: nameOf(key),
        row,
        column: headerOf(key, column),
        value,
        code,
        ...(extra && { extra }),
      }),
  };
}

/**
 * Resolves a member reference of a tab's cell; reports it when unresolved (if `reportMissing`) or
 * ambiguous. '' resolves to null silently.
 */
export type ResolveMember = (
  key: TabKey,
  row: number,
  column: string,
  ref: string,
  reportMissing: boolean,
) => Member | null;

/** What the builders of the tabs that name members are given. */
export interface MemberContext extends BuildContext {
  resolver: MemberResolver;
  resolve: ResolveMember;
}

/**
 * The keys met so far in a tab: the first row with a key counts; a later one is reported on its
 * cell (`column`, with `code`) and is for the caller to drop.
 */
export class Repeats {
  private readonly seen = new Set<string>();
  /** The keys met within each group (see `repeatedWithin`). */
  private readonly groups = new Map<string, Set<string>>();

  constructor(
    private readonly ctx: BuildContext,
    private readonly key: TabKey,
    private readonly column: string,
    private readonly code: IssueCode,
  ) {}

  /** True (and reported, quoting `value`) when `key` came before; else remembers it. */
  repeated(row: number, key: string, value: string): boolean {
    return this.met(this.seen, row, key, value);
  }

  /**
   * As `repeated`, for a key within a group (a person within an event): no joined key is made for
   * each row (at 5,000 members, 300,000 attendance rows; issue 21).
   */
  repeatedWithin(row: number, group: string, key: string, value: string): boolean {
    let seen = this.groups.get(group);
    if (!seen) {
      seen = new Set();
      this.groups.set(group, seen);
    }
    return this.met(seen, row, key, value);
  }

  private met(seen: Set<string>, row: number, key: string, value: string): boolean {
    if (!seen.has(key)) {
      seen.add(key);
      return false;
    }
    this.ctx.report(this.key, row, this.column, value, this.code);
    return true;
  }
}
