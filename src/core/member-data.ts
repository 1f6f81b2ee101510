/**
 * A member's data (RGPD rights of access and erasure, issue 20): given every tab of the workbook,
 * finds each row that names one member — a member reference resolved as the model resolves it (ID,
 * else e-mail, else unique name: model.ts), their Members row, and any text cell quoting their
 * e-mail or full name — and either exports those rows (readable JSON by tab, headers and values)
 * or plans their erasure as a list of cell edits the adapter applies in a few batched writes.
 *
 * The erasure keeps what the club's past figures are made of, so every KPI of every past period is
 * unchanged: the member's Members row keeps its id, dates and status, its personal columns (schema
 * `personal`) are blanked — a profile field that was filled holds a neutral mark instead, so the
 * profile completion rate keeps counting it — and `erased_on` is set; every reference to them in
 * another tab is rewritten to their id (or to a pseudonym everywhere when the id itself is their
 * e-mail or name); their survey answers become anonymous (member and free texts blanked, scores
 * kept; an earlier answer their latest one replaced, which never counted, is cleared whole); the
 * personal columns of every other row naming them are blanked; every other text cell loses their
 * e-mail and full name. A second erasure finds nothing left to change.
 */

import { type CellLocale, cellLocaleOf, isBlank, rawText } from './cells';
import { dayFromIso } from './dates';
import { type Lang, langOfLocale } from './i18n';
import { IssueLog } from './issues';
import { profileColumns } from './kpis/knowledge';
import {
  type CellExtras,
  type NoteEdit,
  planFormulaEdits,
  planNoteEdits,
  recipientHashes,
} from './member-erase-extras';
import { buildClub, type Club, type Member } from './model';
import { normalizeName } from './normalize';
import { settingsOfTabs } from './period-choices';
import { matchTabs, type RawTab, readTabs, type TabRead } from './read';
import type { TabKey } from './schema';
import { readSettings, type Settings } from './settings';

/** What a filled profile field of an erased member holds (it still counts as filled). */
export const ERASED_MARK = { fr: '[effacé]', en: '[erased]' };

export interface MemberDataInput {
  /** Every sheet of the workbook, as getValues() returns it. */
  tabs: RawTab[];
  locale: string;
  timeZone: string;
  /** yyyy-MM-dd in the spreadsheet time zone. */
  today: string;
  /** The member: ID, e-mail or name. */
  member: string;
  /** Each tab's formulas and notes by tab name, when the adapter read them (member-erase-extras.ts). */
  extras?: Record<string, CellExtras>;
}

export type MemberLookupFailure = { ok: false; code: 'unknown_member' | 'ambiguous_member'; message: string };

/** One row of the export: the sheet row and each non-empty cell by its header. */
export interface ExportedRow {
  row: number;
  values: Record<string, string>;
}

export interface MemberExport {
  member: { id: string; firstName: string; lastName: string; email: string };
  /** yyyy-MM-dd. */
  exportedOn: string;
  tabs: Array<{ tab: string; headers: string[]; rows: ExportedRow[] }>;
}

/** One cell to change: `value` null clears it; a string is written as text, a formula's value as it is. */
export interface CellEdit {
  tab: string;
  /** 1-based. */
  row: number;
  /** 1-based. */
  column: number;
  value: unknown;
}

export interface ErasePlan {
  memberId: string;
  /** What stands for the member from now on: their id, or the pseudonym replacing it. */
  replacement: string;
  pseudonym: boolean;
  /** True when the member was already erased and nothing is left to change. */
  already: boolean;
  edits: CellEdit[];
  /** Cell notes naming them, rewritten or removed. */
  notes: NoteEdit[];
  /** Formula cells replaced by their (erased) value, as `Tab!B3`. */
  formulas: string[];
}

const TEXT = {
  unknown: {
    fr: 'Aucun membre ne correspond à « {m} » (ID, e-mail ou nom).',
    en: 'No member matches "{m}" (ID, email or name).',
  },
  ambiguous: {
    fr: 'Plusieurs membres s’appellent « {m} » : donnez son ID ou son e-mail.',
    en: 'Several members are called "{m}": give their ID or email.',
  },
};

interface Loaded {
  lang: Lang;
  cellLocale: CellLocale;
  settings: Settings;
  tabs: Map<TabKey, TabRead>;
  club: Club;
  /** Tracking tab key by sheet name. */
  keyOf: Map<string, TabKey>;
}

function load(input: MemberDataInput): Loaded {
  const draft = settingsOfTabs(input.tabs, input.locale, input.timeZone);
  const lang = draft.language === 'auto' ? langOfLocale(input.locale) : draft.language;
  const cellLocale = cellLocaleOf(input.locale, input.timeZone);
  const scratch = new IssueLog(lang);
  const tabs = readTabs(input.tabs, {
    lang,
    locale: cellLocale,
    fyStartMonth: draft.fyStartMonth,
    issues: scratch,
  });
  const settingsRead = tabs.get('settings')!;
  const settings = readSettings(settingsRead.rows, {
    tab: settingsRead.name,
    locale: cellLocale,
    issues: scratch,
  });
  const club = buildClub(tabs, dayFromIso(input.today) ?? 0, scratch);
  const keyOf = new Map<string, TabKey>();
  for (const [key, raw] of matchTabs(input.tabs, new IssueLog(lang))) keyOf.set(raw.name, key);
  return { lang, cellLocale, settings, tabs, club, keyOf };
}

function findMember(loaded: Loaded, ref: string): Member | MemberLookupFailure {
  return lookupMember(loaded.club, loaded.lang, ref);
}

/** The member a reference names (ID, e-mail or unique name), or why none (shared with statement-page.ts). */
export function lookupMember(club: Club, lang: Lang, ref: string): Member | MemberLookupFailure {
  const text = String(ref ?? '').trim();
  const r = text ? club.resolver.resolve(text) : ({ none: true } as const);
  if ('member' in r) return r.member;
  const code = 'ambiguous' in r ? 'ambiguous_member' : 'unknown_member';
  const template = code === 'ambiguous_member' ? TEXT.ambiguous : TEXT.unknown;
  return { ok: false, code, message: template[lang].replace('{m}', text.slice(0, 200)) };
}

/**
 * The strings that identify the member in free text: e-mail, full name both ways, phone, and their
 * company when no other member shares it.
 */
function identifiers(member: Member, club: Club): string[] {
  const first = member.firstName.trim();
  const last = member.lastName.trim();
  const out = new Set<string>();
  if (member.email.trim()) out.add(member.email.trim());
  if (first && last) {
    out.add(`${first} ${last}`);
    out.add(`${last} ${first}`);
  }
  if (member.phone.replace(/\D/g, '').length >= 6) out.add(member.phone.trim());
  const company = normalizeName(member.company);
  if (company.length >= 4 && !club.members.some((m) => m !== member && normalizeName(m.company) === company))
    out.add(member.company.trim());
  const marks = new Set(Object.values(ERASED_MARK));
  return [...out].filter((s) => s.length >= 3 && !marks.has(s)).sort((a, b) => b.length - a.length);
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A matcher of the identifiers in text, case-insensitive, spaces between names lenient. */
function identifierPattern(ids: string[]): RegExp | null {
  if (ids.length === 0) return null;
  const parts = ids.map((id) => escapeRegExp(id).replace(/\s+/g, '\\s+'));
  return new RegExp(parts.join('|'), 'giu');
}

/** Column id → 0-based index, for a tracking tab as read. */
function columnIndexes(read: TabRead, raw: RawTab, timeZone: string): Map<string, number> {
  const header = raw.values[0] ?? [];
  const out = new Map<string, number>();
  for (const [id, typed] of read.headers) {
    const index = header.findIndex((cell) => rawText(cell, timeZone).trim() === typed);
    if (index >= 0) out.set(id, index);
  }
  return out;
}

interface RowMatch {
  /** The member's own Members row (or a duplicate of its id). */
  own: boolean;
  /** Ref columns naming the member: resolved to them, or their name/e-mail while unresolved. */
  refs: Array<{ column: string; index: number; resolved: boolean }>;
}

/** How a row of a tracking tab names the member, or null. */
function matchRow(
  loaded: Loaded,
  key: TabKey,
  read: TabRead,
  indexes: Map<string, number>,
  line: unknown[],
  member: Member,
  timeZone: string,
): RowMatch | null {
  const refs: RowMatch['refs'] = [];
  const own =
    key === 'members' &&
    indexes.has('member_id') &&
    rawText(line[indexes.get('member_id')!], timeZone).trim() === member.id;
  const names = new Set(identifiers(member, loaded.club).map((s) => normalizeName(s)));
  for (const column of read.spec.columns) {
    if (column.kind !== 'ref' || !indexes.has(column.id)) continue;
    const index = indexes.get(column.id)!;
    const text = rawText(line[index], timeZone).trim();
    if (!text) continue;
    const r = loaded.club.resolver.resolve(text);
    if ('member' in r && r.member === member) refs.push({ column: column.id, index, resolved: true });
    else if (!('member' in r) && names.has(normalizeName(text)))
      refs.push({ column: column.id, index, resolved: false });
  }
  return own || refs.length > 0 ? { own, refs } : null;
}

function textOf(cell: unknown, timeZone: string): string {
  return isBlank(cell) ? '' : rawText(cell, timeZone);
}

/** Every row of every tab that names the member, for the member (RGPD right of access). */
export function exportMemberData(
  input: MemberDataInput,
): { ok: true; data: MemberExport } | MemberLookupFailure {
  const loaded = load(input);
  const found = findMember(loaded, input.member);
  if ('ok' in found) return found;
  const member = found;
  const tz = input.timeZone;
  const pattern = identifierPattern(identifiers(member, loaded.club));
  const hashes = new Set(recipientHashes(member.email));
  const out: MemberExport = {
    member: { id: member.id, firstName: member.firstName, lastName: member.lastName, email: member.email },
    exportedOn: input.today,
    tabs: [],
  };
  for (const raw of input.tabs) {
    const key = loaded.keyOf.get(raw.name);
    const read = key ? loaded.tabs.get(key) : undefined;
    const indexes = read && key !== 'settings' ? columnIndexes(read, raw, tz) : null;
    const header = (raw.values[0] ?? []).map((h, i) => textOf(h, tz).trim() || `#${i + 1}`);
    const rows: ExportedRow[] = [];
    raw.values.forEach((line, r) => {
      if (r === 0 || !line) return;
      const named =
        (read && indexes && matchRow(loaded, key!, read, indexes, line, member, tz) !== null) ||
        line.some((cell) => {
          const text = textOf(cell, tz);
          if (!text) return false;
          if (!read && text.trim() === member.id) return true;
          if (hashes.has(text.trim())) return true;
          if (!pattern) return false;
          pattern.lastIndex = 0;
          return pattern.test(text);
        });
      if (!named) return;
      const values: Record<string, string> = {};
      // Another member's row naming them as sponsor: only the id and the reference are theirs.
      const match =
        key === 'members' && read && indexes ? matchRow(loaded, key, read, indexes, line, member, tz) : null;
      const only =
        match && !match.own ? new Set([indexes!.get('member_id'), ...match.refs.map((m) => m.index)]) : null;
      line.forEach((cell, i) => {
        const text = textOf(cell, tz);
        if (text && (!only || only.has(i))) values[header[i] ?? `#${i + 1}`] = text;
      });
      rows.push({ row: r + 1, values });
    });
    if (rows.length > 0) out.tabs.push({ tab: raw.name, headers: header, rows });
  }
  return { ok: true, data: out };
}

/** A pseudonym no member id uses: ANON-001, ANON-002… */
function pseudonymFor(club: Club): string {
  const used = new Set(club.members.map((m) => m.id));
  for (let n = 1; ; n++) {
    const candidate = `ANON-${String(n).padStart(3, '0')}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** True when the member's id is their e-mail or their name: it must not stay. */
function idIsPersonal(member: Member): boolean {
  const id = normalizeName(member.id);
  if (member.id.includes('@')) return true;
  const first = normalizeName(member.firstName);
  const last = normalizeName(member.lastName);
  return [first, last, `${first} ${last}`.trim(), `${last} ${first}`.trim()].some(
    (n) => n.length > 0 && n === id,
  );
}

/** Plans the erasure of one member's personal data (RGPD right to erasure). */
export function planErase(input: MemberDataInput): { ok: true; plan: ErasePlan } | MemberLookupFailure {
  const loaded = load(input);
  const found = findMember(loaded, input.member);
  if ('ok' in found) return found;
  const member = found;
  const pseudonym = idIsPersonal(member);
  const replacement = pseudonym ? pseudonymFor(loaded.club) : member.id;
  const edits: CellEdit[] = [];
  const ctx: EraseContext = {
    loaded,
    member,
    replacement,
    pseudonym,
    timeZone: input.timeZone,
    today: input.today,
    pattern: identifierPattern(identifiers(member, loaded.club)),
    hashes: new Set(recipientHashes(member.email)),
    edits,
  };
  for (const raw of input.tabs) {
    const key = loaded.keyOf.get(raw.name);
    if (key && key !== 'settings') eraseTrackingTab(ctx, key, raw);
    else scrubTab(ctx, raw, new Set());
  }
  // Legacy places (member-erase-extras.ts): notes in any tab, formulas quoting them.
  const scrub = (text: string) => scrubText(ctx, text);
  const notes: NoteEdit[] = [];
  const formulas: string[] = [];
  for (const raw of input.tabs) {
    const extra = input.extras?.[raw.name];
    notes.push(...planNoteEdits(raw.name, extra?.notes, scrub));
    const planned = planFormulaEdits(raw.name, raw.values, extra?.formulas, edits, scrub);
    edits.push(...planned.edits);
    formulas.push(...planned.replaced);
  }
  const already = edits.length === 0 && notes.length === 0;
  return { ok: true, plan: { memberId: member.id, replacement, pseudonym, already, edits, notes, formulas } };
}

interface EraseContext {
  loaded: Loaded;
  member: Member;
  replacement: string;
  pseudonym: boolean;
  timeZone: string;
  today: string;
  pattern: RegExp | null;
  /** The legacy mail logs' hash of their address (whole cells). */
  hashes: Set<string>;
  edits: CellEdit[];
}

function edit(
  ctx: EraseContext,
  tab: string,
  r: number,
  index: number,
  current: unknown,
  value: string | null,
): void {
  const now = textOf(current, ctx.timeZone);
  if ((value ?? '') === now) return;
  ctx.edits.push({ tab, row: r + 1, column: index + 1, value: value === '' ? null : value });
}

/** The rows of Responses that count (the others are superseded or unreadable answers). */
function countedAnswerRows(club: Club): Set<number> {
  return new Set(club.answers.map((a) => a.row));
}

function eraseTrackingTab(ctx: EraseContext, key: TabKey, raw: RawTab): void {
  const { loaded, member, timeZone: tz } = ctx;
  const read = loaded.tabs.get(key)!;
  const indexes = columnIndexes(read, raw, tz);
  const done = new Set<string>();
  const counted = key === 'responses' ? countedAnswerRows(loaded.club) : null;
  raw.values.forEach((line, r) => {
    if (r === 0 || !line) return;
    const match = matchRow(loaded, key, read, indexes, line, member, tz);
    if (!match) return;
    const answer = key === 'responses' && match.refs.some((m) => m.column === 'member' && m.resolved);
    if (answer && !counted!.has(r + 1)) {
      // An answer that never counted (superseded by their later one, or unreadable): cleared whole.
      line.forEach((cell, i) => {
        edit(ctx, raw.name, r, i, cell, null);
        done.add(`${r}:${i}`);
      });
      return;
    }
    for (const ref of match.refs) {
      const value =
        answer && ref.column === 'member' ? null : ref.resolved ? ctx.replacement : unresolvedToken(ctx);
      edit(ctx, raw.name, r, ref.index, line[ref.index], value);
      done.add(`${r}:${ref.index}`);
    }
    if (match.own) eraseOwnRow(ctx, read, indexes, raw, r, done);
    else if (key !== 'members') {
      // Another member's row naming them as sponsor keeps its own data; other rows about them lose
      // their personal columns (notes, free texts).
      for (const column of read.spec.columns) {
        const index = indexes.get(column.id);
        if (!column.personal || index === undefined) continue;
        edit(ctx, raw.name, r, index, line[index], null);
        done.add(`${r}:${index}`);
      }
    }
  });
  scrubTab(ctx, raw, done);
}

/** What stands for a reference by their name or e-mail that never resolved (ambiguous, duplicate). */
function unresolvedToken(ctx: EraseContext): string {
  return `${ERASED_MARK[ctx.loaded.lang]} ${ctx.replacement}`;
}

function eraseOwnRow(
  ctx: EraseContext,
  read: TabRead,
  indexes: Map<string, number>,
  raw: RawTab,
  r: number,
  done: Set<string>,
): void {
  const line = raw.values[r];
  const profile = new Set(profileColumns(ctx.loaded.settings.profileFields));
  const mark = ERASED_MARK[ctx.loaded.lang];
  for (const column of read.spec.columns) {
    const index = indexes.get(column.id);
    if (index === undefined) continue;
    const filled = textOf(line[index], ctx.timeZone).trim() !== '';
    if (column.personal) {
      edit(ctx, raw.name, r, index, line[index], profile.has(column.id) && filled ? mark : null);
      done.add(`${r}:${index}`);
    }
  }
  if (ctx.pseudonym) {
    const index = indexes.get('member_id')!;
    edit(ctx, raw.name, r, index, line[index], ctx.replacement);
    done.add(`${r}:${index}`);
  }
  const erasedAt = indexes.get('erased_on');
  const header = raw.values[0] ?? [];
  const column = erasedAt ?? header.length;
  const current = erasedAt === undefined ? '' : line[erasedAt];
  if (textOf(current, ctx.timeZone).trim() === '') {
    if (
      erasedAt === undefined &&
      !ctx.edits.some((e) => e.tab === raw.name && e.row === 1 && e.column === column + 1)
    ) {
      const spec = read.spec.columns.find((c) => c.id === 'erased_on')!;
      ctx.edits.push({ tab: raw.name, row: 1, column: column + 1, value: spec.label[ctx.loaded.lang] });
    }
    ctx.edits.push({ tab: raw.name, row: r + 1, column: column + 1, value: ctx.today });
  }
  done.add(`${r}:${column}`);
}

/** Every text cell not yet edited loses the member's e-mail and full name (and a personal id). */
function scrubTab(ctx: EraseContext, raw: RawTab, done: Set<string>): void {
  const { member } = ctx;
  raw.values.forEach((line, r) => {
    line?.forEach((cell, i) => {
      if (typeof cell !== 'string' || cell === '' || done.has(`${r}:${i}`)) return;
      const next = ctx.pseudonym && cell.trim() === member.id ? ctx.replacement : scrubText(ctx, cell);
      if (next !== cell) ctx.edits.push({ tab: raw.name, row: r + 1, column: i + 1, value: next });
    });
  });
}

/** Text with the member's e-mail and full name (and a legacy log's hash of their address) replaced. */
function scrubText(ctx: EraseContext, text: string): string {
  if (ctx.hashes.has(text.trim())) return ctx.replacement;
  let next = text;
  if (ctx.pattern) {
    ctx.pattern.lastIndex = 0;
    next = text.replace(ctx.pattern, ctx.replacement);
  }
  for (const hash of ctx.hashes) next = next.split(hash).join(ctx.replacement);
  return next;
}

/**
 * Drops the data issues of erased members' own Members rows (`erased_on` set): nothing there can be
 * asked of them any more, and a refresh must report nothing about them.
 */
export function dropErasedRowIssues(log: IssueLog, tabs: Map<TabKey, TabRead>): void {
  const members = tabs.get('members');
  if (!members?.usable) return;
  const erased = new Set(members.rows.filter((r) => r.v.erased_on != null).map((r) => r.row));
  if (erased.size === 0) return;
  for (let i = log.issues.length - 1; i >= 0; i--) {
    const issue = log.issues[i];
    if (issue.tab === members.name && issue.row !== null && erased.has(issue.row)) log.issues.splice(i, 1);
  }
}
