/**
 * The club model: typed members, dues, events, attendance, campaigns, interactions, referrals,
 * contents, answers, visibility mentions, stories and investment, built from the parsed rows, with
 * every member reference resolved by ID, else email, else name (SPEC §12) and the reference issues
 * reported. KPI modules read only this model.
 */

import { buildAnswers } from './answers';
import type { Day } from './dates';
import type { IssueLog } from './issues';
import { normalizeName } from './normalize';
import { quotingLog, type Row, type TabRead } from './read';
import type { TabKey } from './schema';

export interface Member {
  id: string;
  row: number;
  firstName: string;
  lastName: string;
  email: string;
  company: string;
  sector: string;
  /** null when missing or unreadable: the member still resolves references but is never active. */
  joinedOn: Day | null;
  leftOn: Day | null;
  leaveReason: string;
  status: 'active' | 'former' | 'prospect' | null;
  /** Former status without a leaving date: never active (reported). */
  formerWithoutLeft: boolean;
  sponsor: Member | null;
  phone: string;
  /** Profile fields by column id (phone, website, …), '' when empty. */
  profile: Record<string, string>;
  /** Members column `agrees_to_be_named`: only a clear yes lets the name leave the board (issue 19). */
  agreesToBeNamed: boolean;
}

export interface Due {
  row: number;
  member: Member;
  /** Fiscal year, by the calendar year it starts in. */
  term: number;
  amount: number | null;
  paidOn: Day | null;
  status: string | null;
  paid: boolean;
}

export interface ClubEvent {
  id: string;
  row: number;
  date: Day;
  title: string;
  format: string | null;
  capacity: number | null;
  cost: number | null;
  volunteerHours: number | null;
  hotSurvey: string;
}

export interface Attendance {
  row: number;
  event: ClubEvent;
  member: Member | null;
  registered: boolean;
  attended: boolean | null;
  guest: boolean;
  /** Who this attendee is, for counting distinct guests: member id, else email, else name. */
  personKey: string;
  invitedBy: Member | null;
}

export interface Campaign {
  row: number;
  date: Day;
  name: string;
  type: string | null;
  recipients: number;
  bounces: number;
  opens: number | null;
  clicks: number | null;
  unsubscribes: number | null;
}

export interface Interaction {
  row: number;
  date: Day;
  member: Member | null;
  type: string;
}

export interface Referral {
  row: number;
  date: Day;
  giver: Member | null;
  receiver: Member | null;
  type: string | null;
  status: string | null;
  value: number | null;
  closedOn: Day | null;
}

export interface Content {
  row: number;
  date: Day;
  author: Member | null;
  type: string | null;
  title: string;
  topic: string;
  reactions: number;
}

export interface Answer {
  row: number;
  submittedOn: Day;
  surveyId: string;
  kind: 'hot' | 'cold' | null;
  event: ClubEvent | null;
  member: Member | null;
  nps: number | null;
  satisfaction: number | null;
  contactsMade: number | null;
  decisiveContacts: number | null;
  connectionValue: number | null;
  belonging: number | null;
  mutualHelp: number | null;
}

export interface Mention {
  row: number;
  date: Day;
  type: string;
  sentiment: string | null;
}

export interface Story {
  row: number;
  date: Day;
  title: string;
  members: string;
  kpi: string;
  value: number | null;
  story: string;
  /** Stories column `shareable`: only a clear yes puts it in the members' edition. */
  shareable: boolean;
}

export interface Spend {
  row: number;
  date: Day;
  category: string;
  hours: number | null;
  amount: number | null;
}

export interface Club {
  today: Day;
  members: Member[];
  dues: Due[];
  events: ClubEvent[];
  attendance: Attendance[];
  campaigns: Campaign[];
  interactions: Interaction[];
  referrals: Referral[];
  contents: Content[];
  answers: Answer[];
  mentions: Mention[];
  stories: Story[];
  spends: Spend[];
  /** A tab has data when it exists, can be read, and has at least one usable row. */
  hasData: Record<TabKey, boolean>;
  /** The parsed tabs, for names and headers. */
  tabs: Map<TabKey, TabRead>;
  resolver: MemberResolver;
}

type Resolution = { member: Member } | { ambiguous: true } | { none: true };

/** Finds a member from a reference: exact ID, else email (case-insensitive), else unique name. */
export class MemberResolver {
  private readonly byId = new Map<string, Member>();
  private readonly byEmail = new Map<string, Member>();
  private readonly byName = new Map<string, Member | 'ambiguous'>();

  constructor(members: Member[]) {
    for (const m of members) this.byId.set(m.id, m);
    for (const m of members) {
      const email = m.email.toLowerCase();
      if (email && !this.byEmail.has(email)) this.byEmail.set(email, m);
      const first = normalizeName(m.firstName);
      const last = normalizeName(m.lastName);
      if (!first && !last) continue;
      for (const key of new Set([`${first} ${last}`.trim(), `${last} ${first}`.trim()])) {
        const existing = this.byName.get(key);
        this.byName.set(key, existing && existing !== m ? 'ambiguous' : m);
      }
    }
  }

  resolve(ref: string): Resolution {
    const text = ref.trim();
    const byId = this.byId.get(text);
    if (byId) return { member: byId };
    const byEmail = this.byEmail.get(text.toLowerCase());
    if (byEmail) return { member: byEmail };
    const byName = this.byName.get(normalizeName(text));
    if (byName === 'ambiguous') return { ambiguous: true };
    if (byName) return { member: byName };
    return { none: true };
  }
}

/** True when the member counts as active on day d (SPEC §3 "Active at date d"). */
export function isActiveOn(m: Member, d: Day): boolean {
  if (m.joinedOn === null || m.joinedOn > d) return false;
  if (m.status === 'prospect' || m.formerWithoutLeft) return false;
  return m.leftOn === null || m.leftOn >= d;
}

/** The key a person is counted by: member id, else email, else normalised name. */
export function personKeyOf(member: Member | null, ref: string): string {
  if (member) return `m:${member.id}`;
  const text = ref.trim();
  return text.includes('@') ? `e:${text.toLowerCase()}` : `n:${normalizeName(text)}`;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const day = (v: unknown): Day | null => (typeof v === 'number' ? v : null);

/** Builds the club from the parsed tabs, reporting duplicate ids and unresolved references. */
export function buildClub(tabs: Map<TabKey, TabRead>, today: Day, log: IssueLog): Club {
  const issues = quotingLog(log);
  const rowsOf = (key: TabKey): Row[] => tabs.get(key)?.rows ?? [];
  const nameOf = (key: TabKey): string => tabs.get(key)!.name;
  const headerOf = (key: TabKey, column: string): string =>
    tabs.get(key)?.headers.get(column) ??
    tabs.get(key)!.spec.columns.find((c) => c.id === column)!.label[issues.lang];

  // Members first: every other tab refers to them.
  const members: Member[] = [];
  const seenIds = new Set<string>();
  const seenEmails = new Set<string>();
  const sponsorRefs: Array<{ member: Member; ref: string }> = [];
  for (const { row, v, raw } of rowsOf('members')) {
    const id = str(v.member_id);
    if (seenIds.has(id)) {
      issues.add({
        tab: nameOf('members'),
        row,
        column: headerOf('members', 'member_id'),
        value: id,
        code: 'duplicate_id',
      });
      continue;
    }
    seenIds.add(id);
    let email = str(v.email);
    if (email && seenEmails.has(email.toLowerCase())) {
      issues.add({
        tab: nameOf('members'),
        row,
        column: headerOf('members', 'email'),
        value: email,
        code: 'duplicate_email',
      });
      email = '';
    }
    if (email) seenEmails.add(email.toLowerCase());
    const status = (v.status as Member['status']) ?? null;
    const leftOn = day(v.left_on);
    const formerWithoutLeft = status === 'former' && leftOn === null;
    if (formerWithoutLeft) {
      issues.add({
        tab: nameOf('members'),
        row,
        column: headerOf('members', 'status'),
        value: raw('status'),
        code: 'missing_left_on',
      });
    }
    const profile: Record<string, string> = {};
    for (const [key, value] of Object.entries(v))
      profile[key] = typeof value === 'string' ? value : value == null ? '' : String(value);
    const member: Member = {
      id,
      row,
      firstName: str(v.first_name),
      lastName: str(v.last_name),
      email,
      company: str(v.company),
      sector: str(v.sector),
      joinedOn: day(v.joined_on),
      leftOn,
      leaveReason: str(v.leave_reason),
      status,
      formerWithoutLeft,
      sponsor: null,
      phone: str(v.phone),
      profile,
      agreesToBeNamed: v.agrees_to_be_named === true,
    };
    members.push(member);
    if (str(v.sponsor_id)) sponsorRefs.push({ member, ref: str(v.sponsor_id) });
  }
  const resolver = new MemberResolver(members);

  /** Resolves a reference; reports it when unresolved (if `reportMissing`) or ambiguous. */
  const resolve = (
    key: TabKey,
    row: number,
    column: string,
    ref: string,
    reportMissing: boolean,
  ): Member | null => {
    if (!ref) return null;
    const r = resolver.resolve(ref);
    if ('member' in r) return r.member;
    if ('ambiguous' in r) {
      issues.add({
        tab: nameOf(key),
        row,
        column: headerOf(key, column),
        value: ref,
        code: 'ambiguous_member',
      });
    } else if (reportMissing) {
      issues.add({
        tab: nameOf(key),
        row,
        column: headerOf(key, column),
        value: ref,
        code: 'unknown_member',
      });
    }
    return null;
  };

  for (const { member, ref } of sponsorRefs)
    member.sponsor = resolve('members', member.row, 'sponsor_id', ref, true);

  const dues: Due[] = [];
  for (const { row, v } of rowsOf('dues')) {
    const member = resolve('dues', row, 'member_id', str(v.member_id), true);
    if (!member) continue;
    const status = (v.status as string | null) ?? null;
    const paidOn = day(v.paid_on);
    const paid = status === 'paid' || (status === null && paidOn !== null);
    if (status === 'paid' && paidOn === null) {
      issues.add({
        tab: nameOf('dues'),
        row,
        column: headerOf('dues', 'paid_on'),
        value: '',
        code: 'paid_without_date',
      });
    }
    dues.push({ row, member, term: v.term as number, amount: num(v.amount), paidOn, status, paid });
  }

  const events: ClubEvent[] = [];
  const eventById = new Map<string, ClubEvent>();
  for (const { row, v } of rowsOf('events')) {
    const id = str(v.event_id);
    if (eventById.has(id)) {
      issues.add({
        tab: nameOf('events'),
        row,
        column: headerOf('events', 'event_id'),
        value: id,
        code: 'duplicate_id',
      });
      continue;
    }
    const event: ClubEvent = {
      id,
      row,
      date: v.date as Day,
      title: str(v.title),
      format: (v.format as string | null) ?? null,
      capacity: num(v.capacity),
      cost: num(v.cost),
      volunteerHours: num(v.volunteer_hours),
      hotSurvey: str(v.hot_survey),
    };
    events.push(event);
    eventById.set(id, event);
  }

  const attendance: Attendance[] = [];
  const seenAttendance = new Set<string>();
  for (const { row, v } of rowsOf('attendance')) {
    const eventId = str(v.event_id);
    const event = eventById.get(eventId);
    if (!event) {
      issues.add({
        tab: nameOf('attendance'),
        row,
        column: headerOf('attendance', 'event_id'),
        value: eventId,
        code: 'unknown_event',
      });
      continue;
    }
    const ref = str(v.member);
    const member = resolve('attendance', row, 'member', ref, false);
    const personKey = personKeyOf(member, ref);
    const key = `${event.id}\u0000${personKey}`;
    if (seenAttendance.has(key)) {
      issues.add({
        tab: nameOf('attendance'),
        row,
        column: headerOf('attendance', 'member'),
        value: ref,
        code: 'duplicate_row',
      });
      continue;
    }
    seenAttendance.add(key);
    const guest = v.guest === true || !member || !isActiveOn(member, event.date);
    attendance.push({
      row,
      event,
      member,
      registered: v.registered !== false,
      attended: (v.attended as boolean | null) ?? null,
      guest,
      personKey,
      invitedBy: resolve('attendance', row, 'invited_by', str(v.invited_by), true),
    });
  }

  // A count larger than what it counts within (bounces over recipients, opens or clicks over the
  // delivered emails) is reported and read as empty: it would make a rate above 100 %.
  const campaigns: Campaign[] = rowsOf('communications').map(({ row, v, raw }) => {
    const recipients = v.recipients as number;
    const within = (column: 'bounces' | 'opens' | 'clicks', limit: number): number | null => {
      const value = num(v[column]);
      if (value === null || value <= limit) return value;
      issues.add({
        tab: nameOf('communications'),
        row,
        column: headerOf('communications', column),
        value: raw(column),
        code: 'out_of_range',
        extra: { range: `0–${limit}` },
      });
      return null;
    };
    const bounces = within('bounces', recipients) ?? 0;
    return {
      row,
      date: v.date as Day,
      name: str(v.campaign),
      type: (v.type as string | null) ?? null,
      recipients,
      bounces,
      opens: within('opens', recipients - bounces),
      clicks: within('clicks', recipients - bounces),
      unsubscribes: num(v.unsubscribes),
    };
  });

  const interactions: Interaction[] = rowsOf('interactions').map(({ row, v }) => ({
    row,
    date: v.date as Day,
    member: resolve('interactions', row, 'member', str(v.member), true),
    type: v.type as string,
  }));

  const referrals: Referral[] = rowsOf('referrals').map(({ row, v }) => ({
    row,
    date: v.date as Day,
    giver: resolve('referrals', row, 'giver', str(v.giver), false),
    receiver: resolve('referrals', row, 'receiver', str(v.receiver), false),
    type: (v.type as string | null) ?? null,
    status: (v.status as string | null) ?? null,
    value: num(v.value),
    closedOn: day(v.closed_on),
  }));

  const contents: Content[] = rowsOf('contents').map(({ row, v }) => ({
    row,
    date: v.date as Day,
    author: resolve('contents', row, 'author', str(v.author), true),
    type: (v.type as string | null) ?? null,
    title: str(v.title),
    topic: str(v.topic),
    reactions: num(v.reactions) ?? 0,
  }));

  const answers = buildAnswers(rowsOf('responses'), {
    issues,
    tab: nameOf('responses'),
    header: (column) => headerOf('responses', column),
    eventById,
    resolve: (row, ref) => resolve('responses', row, 'member', ref, true),
  });

  const mentions: Mention[] = rowsOf('visibility').map(({ row, v }) => ({
    row,
    date: v.date as Day,
    type: v.type as string,
    sentiment: (v.sentiment as string | null) ?? null,
  }));

  const stories: Story[] = rowsOf('stories').map(({ row, v }) => ({
    row,
    date: v.date as Day,
    title: str(v.title),
    members: str(v.members),
    kpi: str(v.kpi),
    value: num(v.value),
    story: str(v.story),
    shareable: v.shareable === true,
  }));

  const spends: Spend[] = rowsOf('investment').map(({ row, v }) => ({
    row,
    date: v.date as Day,
    category: v.category as string,
    hours: num(v.hours),
    amount: num(v.amount),
  }));

  const hasData = {} as Record<TabKey, boolean>;
  for (const [key, tab] of tabs) hasData[key] = tab.usable && tab.rows.length > 0;

  return {
    today,
    members,
    dues,
    events,
    attendance,
    campaigns,
    interactions,
    referrals,
    contents,
    answers,
    mentions,
    stories,
    spends,
    hasData,
    tabs,
    resolver,
  };
}
