/**
 * The club model: typed members, dues, events, attendance, campaigns, interactions, referrals,
 * contents, answers, visibility mentions, stories and investment, built from the parsed rows, with
 * every member reference resolved by ID, else email, else name (SPEC §12) and the reference issues
 * reported. KPI modules read only this model.
 */

import { buildContents, buildInteractions, buildReferrals } from './club-builders/activity';
import { buildCampaigns } from './club-builders/communications';
import { buildContext } from './club-builders/context';
import { buildDues } from './club-builders/dues';
import { buildAttendance, buildEvents } from './club-builders/events';
import { buildMembers, linkSponsors } from './club-builders/members';
import { buildMentions, buildSpends, buildStories } from './club-builders/records';
import type { MemberResolver } from './club-builders/resolver';
import { withMembers } from './club-builders/resolver';
import { buildAnswers } from './club-builders/responses';
import type { Day } from './dates';
import type { IssueLog } from './issues';
import type { TabRead } from './read';
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

export { isActiveOn, personKeyOf } from './club-builders/people';
export { MemberResolver } from './club-builders/resolver';

/**
 * Builds the club from the parsed tabs, reporting duplicate ids and unresolved references: one
 * builder per tab (src/core/club-builders/), the Members tab first since every other tab refers to
 * its members through the reference resolver.
 */
export function buildClub(tabs: Map<TabKey, TabRead>, today: Day, log: IssueLog): Club {
  const base = buildContext(tabs, log);
  const { members, sponsorRefs } = buildMembers(base);
  const ctx = withMembers(base, members);
  linkSponsors(ctx, sponsorRefs);
  // In the order of the tabs, so that the issues come in that order.
  const dues = buildDues(ctx);
  const events = buildEvents(ctx);
  const eventById = new Map(events.map((e) => [e.id, e]));

  const hasData = {} as Record<TabKey, boolean>;
  for (const [key, tab] of tabs) hasData[key] = tab.usable && tab.rows.length > 0;

  return {
    today,
    members,
    dues,
    events,
    attendance: buildAttendance(ctx, eventById),
    campaigns: buildCampaigns(ctx),
    interactions: buildInteractions(ctx),
    referrals: buildReferrals(ctx),
    contents: buildContents(ctx),
    answers: buildAnswers(ctx, eventById),
    mentions: buildMentions(ctx),
    stories: buildStories(ctx),
    spends: buildSpends(ctx),
    hasData,
    tabs,
    resolver: ctx.resolver,
  };
}
