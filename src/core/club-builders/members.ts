/**
 * The Members tab: first, since every other tab refers to its members. A repeated ID drops the
 * row, a repeated email (case-insensitive) is kept blank, a former member without a leaving date is
 * never active; all three are reported. Sponsors resolve once every member is known.
 */

import type { Member } from '../model';
import { type BuildContext, day, type MemberContext, Repeats, str } from './context';

/** A member's sponsor reference, resolved by `linkSponsors` once the members are known. */
export interface SponsorRef {
  member: Member;
  ref: string;
}

export function buildMembers(ctx: BuildContext): { members: Member[]; sponsorRefs: SponsorRef[] } {
  const members: Member[] = [];
  const ids = new Repeats(ctx, 'members', 'member_id', 'duplicate_id');
  const emails = new Repeats(ctx, 'members', 'email', 'duplicate_email');
  const sponsorRefs: SponsorRef[] = [];
  for (const line of ctx.rowsOf('members')) {
    const { row, v } = line;
    const id = str(v.member_id);
    if (ids.repeated(row, id, id)) continue;
    let email = str(v.email);
    // A repeated email (case-insensitive) is kept blank: the row still counts.
    if (email && emails.repeated(row, email.toLowerCase(), email)) email = '';
    const status = (v.status as Member['status']) ?? null;
    const leftOn = day(v.left_on);
    const formerWithoutLeft = status === 'former' && leftOn === null;
    if (formerWithoutLeft) ctx.report('members', row, 'status', line.raw('status'), 'missing_left_on');
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
      profile: profileOf(v),
      agreesToBeNamed: v.agrees_to_be_named === true,
    };
    members.push(member);
    if (str(v.sponsor_id)) sponsorRefs.push({ member, ref: str(v.sponsor_id) });
  }
  return { members, sponsorRefs };
}

/** Profile fields by column id, as text ('' when empty). */
function profileOf(v: Record<string, unknown>): Record<string, string> {
  const profile: Record<string, string> = {};
  for (const [key, value] of Object.entries(v))
    profile[key] = typeof value === 'string' ? value : value == null ? '' : String(value);
  return profile;
}

export function linkSponsors(ctx: MemberContext, sponsorRefs: SponsorRef[]): void {
  for (const { member, ref } of sponsorRefs)
    member.sponsor = ctx.resolve('members', member.row, 'sponsor_id', ref, true);
}
