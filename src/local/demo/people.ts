/**
 * The people of a synthetic club: members (who join over time, some leave, some were sponsored),
 * the outside guests who come to events without ever joining, and the samplers that pick a member
 * active at a given date with a weight (engagement, business). Language-neutral: the generator
 * renders these records into rows.
 */

import {
  BIOS,
  COMPANY_PATTERNS,
  EXPERTISES,
  FIRST_NAMES,
  LAST_NAMES,
  LEAVE_REASONS,
  PLACES,
  SECTORS,
} from './corpus';
import { addMonths, serialFromYmd, ymdFromSerial } from './dates';
import type { Rng } from './random';

export interface Person {
  first: string;
  last: string;
  email: string;
}

export interface Member extends Person {
  index: number;
  id: string;
  company: string;
  domain: string;
  sector: number;
  /** Serial day. */
  joined: number;
  /** Serial day or null. */
  left: number | null;
  leaveReason: number;
  prospect: boolean;
  sponsor: number | null;
  /** How often the member comes to events, writes, answers (mean about 1). */
  engagement: number;
  /** How much business the member passes on (mean about 1). */
  business: number;
  /** Reduced dues rate (young company). */
  reducedRate: boolean;
  profile: {
    phone: string;
    website: boolean;
    linkedin: boolean;
    bio: number;
    expertise: number[];
    photo: boolean;
  };
}

/** Lower-case ASCII letters and digits only: `Hélène Le Gall` → `helenelegall`. */
/** The share of members who are regulars, and how much more active they are than their weight says. */
export const REGULAR_SHARE = 0.1;
const REGULAR_BOOST = 4;

export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

export function isActive(m: Member, day: number): boolean {
  return !m.prospect && m.joined <= day && (m.left === null || m.left >= day);
}

function companyFor(rng: Rng, sector: number): string {
  const pattern = rng.pick(COMPANY_PATTERNS[sector]);
  return pattern.replace('{L}', rng.pick(LAST_NAMES)).replace('{P}', rng.pick(PLACES));
}

export interface MemberPlan {
  count: number;
  /** First day of the generated history. */
  start: number;
  today: number;
  /** Share of members who joined before `start`. */
  founderShare: number;
}

/** Members sorted by join date, with ids M0001…; names "first last" are unique. */
export function generateMembers(rng: Rng, plan: MemberPlan): Member[] {
  const { count, start, today } = plan;
  const usedNames = new Set<string>();
  const usedEmails = new Set<string>();
  const drafts: Array<Omit<Member, 'index' | 'id' | 'sponsor'>> = [];
  const span = today - start;
  for (let i = 0; i < count; i++) {
    let first: string;
    let last: string;
    do {
      first = rng.pick(FIRST_NAMES);
      last = rng.pick(LAST_NAMES);
    } while (usedNames.has(`${first} ${last}`) && usedNames.size < FIRST_NAMES.length * LAST_NAMES.length);
    usedNames.add(`${first} ${last}`);
    const sector = rng.int(0, SECTORS.length - 1);
    const company = companyFor(rng, sector);
    const domain = `${slug(company)}.fr`;
    let email = `${slug(first)}.${slug(last)}@${domain}`;
    for (let n = 2; usedEmails.has(email); n++) email = `${slug(first)}.${slug(last)}${n}@${domain}`;
    usedEmails.add(email);

    const prospect = rng.chance(0.02);
    let joined: number;
    if (prospect) joined = today - rng.int(5, 150);
    else if (rng.chance(plan.founderShare)) joined = start - rng.int(20, 8 * 365);
    else joined = start + Math.floor(rng.next() * span);
    let left: number | null = null;
    if (!prospect) {
      const from = Math.max(joined, start);
      const years = -Math.log(1 - rng.next()) / 0.13;
      let leaveDay = Math.floor(from + 30 + years * 365.25);
      // Most members leave by not renewing: a departure in the first half of a year is dated its
      // first day, before the dues fall due, so that they paid the year before and not this one
      // (without it the demo's first renewal was 100 % and its members chart showed nobody leaving).
      const when = ymdFromSerial(leaveDay);
      const yearStart = serialFromYmd(when.year, 1, 1);
      if (when.month <= 6 && yearStart >= from) leaveDay = yearStart;
      if (leaveDay <= today) left = leaveDay;
    }
    const ghost = rng.chance(0.2);
    let engagement = ghost ? 0.06 : Math.exp(rng.normal(0, 0.7));
    if (left !== null) engagement *= 0.6;
    drafts.push({
      first,
      last,
      email,
      company,
      domain,
      sector,
      joined,
      left,
      leaveReason: rng.int(0, LEAVE_REASONS.length - 1),
      prospect,
      engagement,
      // Those who give business are mostly those who come (σ 0.8 made them nearly other people, and
      // no member was active on every front as a lively club's best are).
      business: engagement * Math.exp(rng.normal(0, 0.4)),
      reducedRate: rng.chance(0.1),
      profile: {
        phone: rng.chance(0.6)
          ? `0${rng.pick([6, 7, 2])} ${[0, 0, 0, 0].map(() => String(rng.int(0, 99)).padStart(2, '0')).join(' ')}`
          : '',
        website: rng.chance(0.5),
        linkedin: rng.chance(0.55),
        bio: rng.chance(0.35) ? rng.int(0, BIOS.length - 1) : -1,
        expertise: rng.chance(0.5)
          ? [rng.int(0, EXPERTISES.length - 1), rng.int(0, EXPERTISES.length - 1)].slice(0, rng.int(1, 2))
          : [],
        photo: rng.chance(0.3),
      },
    });
  }
  drafts.sort((a, b) => a.joined - b.joined);
  // The regulars — the most engaged tenth — are active on every front (events, referrals,
  // interactions, contents): a lively club's best members are, and the Palmarès shows them green.
  const regulars = drafts
    .filter((d) => !d.prospect && d.left === null)
    .sort((a, b) => b.engagement - a.engagement)
    .slice(0, Math.round(count * REGULAR_SHARE));
  for (const d of regulars) {
    d.engagement *= REGULAR_BOOST;
    d.business *= REGULAR_BOOST;
  }
  const width = Math.max(4, String(count).length);
  // Built field by field (not spread) so that every member has one shape: hot loops read them.
  const members: Member[] = drafts.map((d, index) => ({
    index,
    id: `M${String(index + 1).padStart(width, '0')}`,
    first: d.first,
    last: d.last,
    email: d.email,
    company: d.company,
    domain: d.domain,
    sector: d.sector,
    joined: d.joined,
    left: d.left,
    leaveReason: d.leaveReason,
    prospect: d.prospect,
    sponsor: null,
    engagement: d.engagement,
    business: d.business,
    reducedRate: d.reducedRate,
    profile: d.profile,
  }));
  // Sponsors: about 45 % of those who joined during the history had a sponsor, a member of at least a month.
  for (const m of members) {
    if (m.prospect || m.joined < start || !rng.chance(0.45)) continue;
    for (let attempt = 0; attempt < 10; attempt++) {
      const s = members[rng.int(0, m.index)];
      if (s.index !== m.index && s.joined <= m.joined - 30 && isActive(s, m.joined)) {
        m.sponsor = s.index;
        break;
      }
    }
  }
  return members;
}

const GUEST_DOMAINS = ['gmail.com', 'orange.fr', 'outlook.fr', 'free.fr', 'laposte.net', 'wanadoo.fr'];

/** Outside people who come as guests and never join; their emails never match a member's. */
export function generateGuests(rng: Rng, count: number, members: readonly Member[]): Person[] {
  const taken = new Set(members.map((m) => m.email));
  const guests: Person[] = [];
  for (let i = 0; i < count; i++) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    let email = `${slug(first)}.${slug(last)}@${rng.pick(GUEST_DOMAINS)}`;
    for (let n = 2; taken.has(email); n++) email = email.replace(/\d*@/, `${n}@`);
    taken.add(email);
    guests.push({ first, last, email });
  }
  return guests;
}

/**
 * Picks members active at a date, in proportion to a weight, fast enough for hundreds of thousands
 * of draws: one cumulative weight table per calendar month (members active at mid-month), then a
 * check at the exact day.
 */
export class ActiveSampler {
  private readonly monthStart: number;
  private readonly tables: Array<{ ids: Int32Array; cumulative: Float64Array }> = [];

  constructor(
    private readonly members: readonly Member[],
    weight: (m: Member) => number,
    start: number,
    end: number,
  ) {
    const s = ymdFromSerial(start);
    this.monthStart = s.year * 12 + s.month - 1;
    for (let month = serialFromYmd(s.year, s.month, 1); month <= end; month = addMonths(month, 1)) {
      const mid = month + 14;
      const ids: number[] = [];
      const cumulative: number[] = [];
      let total = 0;
      for (const m of members) {
        if (!isActive(m, mid)) continue;
        total += weight(m);
        ids.push(m.index);
        cumulative.push(total);
      }
      this.tables.push({ ids: Int32Array.from(ids), cumulative: Float64Array.from(cumulative) });
    }
  }

  /** A member active at `day` (or, failing that after a few draws, one active that month); -1 if none. */
  pick(rng: Rng, day: number, exclude = -1): number {
    const { year, month } = ymdFromSerial(day);
    const t =
      this.tables[Math.min(this.tables.length - 1, Math.max(0, year * 12 + month - 1 - this.monthStart))];
    if (t.ids.length === 0) return -1;
    const total = t.cumulative[t.cumulative.length - 1];
    let candidate = -1;
    for (let attempt = 0; attempt < 8; attempt++) {
      const r = rng.next() * total;
      let lo = 0;
      let hi = t.cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (t.cumulative[mid] > r) hi = mid;
        else lo = mid + 1;
      }
      candidate = t.ids[lo];
      if (candidate !== exclude && isActive(this.members[candidate], day)) return candidate;
    }
    return candidate === exclude ? -1 : candidate;
  }

  /** Members active at `day`. */
  activeCount(day: number): number {
    let n = 0;
    for (const m of this.members) if (isActive(m, day)) n++;
    return n;
  }
}
