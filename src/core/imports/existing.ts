/**
 * What the workbook already holds, for an import not to add anything twice and to attach rows to
 * the right people: the source references already written (in a `source_ref` column or a `note`
 * column), a natural key per row (same member and term in Dues, same event and person in
 * Attendance, same date and campaign in Communications, …), the members to match by email
 * (case-insensitive) or else by name, the events, and the next free member ID. The tabs are read
 * with the core reader (src/core/read.ts), so headers in French or English are understood alike.
 */

import { cellLocaleOf, isBlank, parseTerm, rawText } from '../cells';
import { isoOf } from '../dates';
import { IssueLog } from '../issues';
import { normalizeLabel, normalizeName } from '../normalize';
import { matchTabs, type RawTab, readTabs } from '../read';
import type { TabKey } from '../schema';
import { readSettings } from '../settings';
import { ANSWER_FIELDS } from '../surveys';

/** Header spellings of the source reference column (SPEC change pending: `source_ref`). */
export const SOURCE_REF_HEADERS = [
  'source_ref',
  'Référence source',
  'Source reference',
  'Réf. source',
  'Source ref',
];
const SOURCE_REF_KEYS = new Set(SOURCE_REF_HEADERS.map(normalizeLabel));

export interface KnownMember {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
}

export interface KnownEvent {
  id: string;
  date: string | null;
  title: string;
}

type Cells = Record<string, unknown>;

export type Resolution = { id: string } | { ambiguous: true } | { none: true };

/**
 * Members by id, email and name; new members of the plan are added as they are created. The ID
 * counts per prefix are kept as members are added, so that the next free ID costs no rescan of
 * every ID (issue 14: importing 100,000 new members was quadratic).
 */
export class MemberIndex {
  private readonly byId = new Map<string, KnownMember>();
  private readonly byEmail = new Map<string, KnownMember>();
  private readonly byName = new Map<string, KnownMember | 'ambiguous'>();
  /** Per `<prefix><number>` prefix: how many IDs, the highest number and its widest digits. */
  private readonly prefixes = new Map<string, { count: number; max: number; width: number }>();

  add(m: KnownMember): void {
    if (!m.id || this.byId.has(m.id)) return;
    this.byId.set(m.id, m);
    const numbered = /^(.*?)(\d+)$/.exec(m.id);
    if (numbered) {
      const stats = this.prefixes.get(numbered[1]) ?? { count: 0, max: 0, width: 3 };
      stats.count += 1;
      stats.max = Math.max(stats.max, Number(numbered[2]));
      stats.width = Math.max(stats.width, numbered[2].length);
      this.prefixes.set(numbered[1], stats);
    }
    const email = m.email.trim().toLowerCase();
    if (email && !this.byEmail.has(email)) this.byEmail.set(email, m);
    const first = normalizeName(m.firstName);
    const last = normalizeName(m.lastName);
    if (!first && !last) return;
    for (const key of new Set([`${first} ${last}`.trim(), `${last} ${first}`.trim()])) {
      const known = this.byName.get(key);
      this.byName.set(key, known && known !== m ? 'ambiguous' : m);
    }
  }

  /**
   * By email (case-insensitive), else by "first last" or "last first" — but never by name alone
   * when both sides have an email and they differ: two "Jean Dupont" with their own addresses are
   * two people.
   */
  find(email: string, firstName: string, lastName: string): Resolution {
    const wanted = email.trim().toLowerCase();
    const byEmail = wanted ? this.byEmail.get(wanted) : undefined;
    if (byEmail) return { id: byEmail.id };
    const name = normalizeName(`${firstName} ${lastName}`);
    if (!name) return { none: true };
    const byName = this.byName.get(name);
    if (byName === 'ambiguous') return { ambiguous: true };
    if (!byName) return { none: true };
    const known = byName.email.trim().toLowerCase();
    return wanted && known && known !== wanted ? { none: true } : { id: byName.id };
  }

  /** A reference as typed in a tab: member ID, else email, else name. */
  resolve(ref: string): Resolution {
    const text = ref.trim();
    if (this.byId.has(text)) return { id: text };
    if (text.includes('@')) return this.find(text, '', '');
    const byName = this.byName.get(normalizeName(text));
    if (byName === 'ambiguous') return { ambiguous: true };
    return byName ? { id: byName.id } : { none: true };
  }

  /** The key a person is counted by: member id, else email, else normalised name. */
  personKey(ref: string): string {
    const r = this.resolve(ref);
    if ('id' in r) return `m:${r.id}`;
    const text = ref.trim();
    return text.includes('@') ? `e:${text.toLowerCase()}` : `n:${normalizeName(text)}`;
  }

  /** The next free ID after the highest `<prefix><number>` of the most used prefix (default `M001`). */
  nextId(): string {
    let prefix = 'M';
    let stats = { count: 0, max: 0, width: 3 };
    for (const [p, s] of this.prefixes) {
      if (s.count > stats.count) {
        prefix = p;
        stats = s;
      }
    }
    let next = stats.max + 1;
    let id = `${prefix}${String(next).padStart(stats.width, '0')}`;
    while (this.byId.has(id)) {
      next += 1;
      id = `${prefix}${String(next).padStart(stats.width, '0')}`;
    }
    return id;
  }
}

/** The workbook as an import sees it. */
export class Existing {
  readonly members = new MemberIndex();
  readonly events = new Map<string, KnownEvent>();
  readonly fyStartMonth: number;
  private readonly refs = new Map<TabKey, Set<string>>();
  private readonly keys = new Map<TabKey, Set<string>>();

  constructor(tabs: RawTab[], timeZone: string) {
    const issues = new IssueLog('en');
    const locale = cellLocaleOf('fr_FR', timeZone);
    const first = readTabs(tabs, { lang: 'en', locale, fyStartMonth: 1, issues });
    const settings = readSettings(first.get('settings')?.rows ?? [], { tab: 'settings', locale, issues });
    this.fyStartMonth = settings.fyStartMonth;
    // Dues terms are read as fiscal years, which depend on the Settings' first month.
    const read =
      this.fyStartMonth === 1
        ? first
        : readTabs(tabs, { lang: 'en', locale, fyStartMonth: this.fyStartMonth, issues });

    for (const row of read.get('members')?.rows ?? []) {
      this.members.add({
        id: String(row.v.member_id ?? ''),
        email: String(row.v.email ?? ''),
        firstName: String(row.v.first_name ?? ''),
        lastName: String(row.v.last_name ?? ''),
      });
    }
    for (const row of read.get('events')?.rows ?? []) {
      const id = String(row.v.event_id ?? '');
      if (!id || this.events.has(id)) continue;
      const date = typeof row.v.date === 'number' ? isoOf(row.v.date) : null;
      this.events.set(id, { id, date, title: String(row.v.title ?? '') });
    }
    for (const [key, tab] of read) {
      for (const row of tab.rows) {
        const cells: Cells = { ...row.v };
        for (const [id, value] of Object.entries(cells)) {
          if (tab.spec.columns.find((c) => c.id === id)?.kind === 'date' && typeof value === 'number') {
            cells[id] = isoOf(value);
          }
        }
        const natural = this.naturalKey(key, cells);
        if (natural) this.keySet(key).add(natural);
      }
    }

    // Source references: any cell of a `source_ref` or `note` column of a tracking tab.
    for (const [key, raw] of matchTabs(tabs, issues)) {
      const header = raw.values[0] ?? [];
      header.forEach((cell, index) => {
        const label = normalizeLabel(rawText(cell, timeZone));
        if (!SOURCE_REF_KEYS.has(label) && label !== 'note') return;
        for (const line of raw.values.slice(1)) {
          const value = line?.[index];
          if (!isBlank(value)) this.refSet(key).add(String(value).trim());
        }
      });
    }
  }

  private refSet(tab: TabKey): Set<string> {
    let set = this.refs.get(tab);
    if (!set) {
      set = new Set<string>();
      this.refs.set(tab, set);
    }
    return set;
  }

  private keySet(tab: TabKey): Set<string> {
    let set = this.keys.get(tab);
    if (!set) {
      set = new Set<string>();
      this.keys.set(tab, set);
    }
    return set;
  }

  hasRef(tab: TabKey, ref: string): boolean {
    return this.refs.get(tab)?.has(ref) ?? false;
  }

  hasKey(tab: TabKey, key: string): boolean {
    return this.keys.get(tab)?.has(key) ?? false;
  }

  /** The event whose title (normalised) is `title`, if exactly one. */
  eventByTitle(title: string): KnownEvent | null {
    const key = normalizeLabel(title);
    if (!key) return null;
    const found = [...this.events.values()].filter((e) => normalizeLabel(e.title) === key);
    return found.length === 1 ? found[0] : null;
  }

  /**
   * The key under which two rows of a tab are the same fact, whatever their source: one dues row
   * per member per term (SPEC §1), one attendance row per event and person, one campaign per date
   * and name, one signed answer per identical content. Null for tabs compared by source reference
   * only, and for anonymous answers.
   */
  naturalKey(tab: TabKey, cells: Cells): string | null {
    const text = (id: string): string => {
      const v = cells[id];
      return v === null || v === undefined ? '' : String(v).trim();
    };
    switch (tab) {
      case 'members': {
        const email = text('email').toLowerCase();
        return email ? `e:${email}` : null;
      }
      case 'dues': {
        const member = this.members.personKey(text('member_id'));
        const term = cells.term;
        const fy =
          typeof term === 'number'
            ? term
            : parseTerm(text('term'), cellLocaleOf('fr_FR', 'UTC'), this.fyStartMonth);
        if (typeof fy === 'number') return `${member}|${fy}`;
        return fy.ok && fy.value !== null ? `${member}|${fy.value}` : null;
      }
      case 'events':
        return text('event_id') ? `id:${text('event_id')}` : null;
      case 'attendance':
        return `${text('event_id')}|${this.members.personKey(text('member'))}`;
      case 'communications':
        return `${text('date')}|${normalizeLabel(text('campaign'))}`;
      case 'responses': {
        // Anonymous answers are never merged: two respondents may answer alike the same day. They
        // are known by their source reference only (the whole row, timestamp to the second).
        if (!text('member')) return null;
        const member = this.members.personKey(text('member'));
        // Every answer field but the member (keyed above), plus the event it names.
        const answers = ['event_id', ...ANSWER_FIELDS.filter((f) => f !== 'member')].map((id) =>
          normalizeName(text(id)),
        );
        return [text('survey_id'), text('submitted_at'), member, ...answers].join('|');
      }
      default:
        return null;
    }
  }
}
