/**
 * The dated tabs that name members: Interactions, Referrals and Contents. Each row is kept; an
 * unresolved interaction member or content author is reported, a referral's giver or receiver may
 * be outside the club (reported only when ambiguous).
 */

import type { Content, Interaction, Referral } from '../model';
import { day, type MemberContext, num, str } from './context';

export function buildInteractions(ctx: MemberContext): Interaction[] {
  return ctx.rowsOf('interactions').map(({ row, v }) => ({
    row,
    date: v.date as Interaction['date'],
    member: ctx.resolve('interactions', row, 'member', str(v.member), true),
    type: v.type as string,
  }));
}

export function buildReferrals(ctx: MemberContext): Referral[] {
  return ctx.rowsOf('referrals').map(({ row, v }) => ({
    row,
    date: v.date as Referral['date'],
    giver: ctx.resolve('referrals', row, 'giver', str(v.giver), false),
    receiver: ctx.resolve('referrals', row, 'receiver', str(v.receiver), false),
    type: (v.type as string | null) ?? null,
    status: (v.status as string | null) ?? null,
    value: num(v.value),
    closedOn: day(v.closed_on),
  }));
}

export function buildContents(ctx: MemberContext): Content[] {
  return ctx.rowsOf('contents').map(({ row, v }) => ({
    row,
    date: v.date as Content['date'],
    author: ctx.resolve('contents', row, 'author', str(v.author), true),
    type: (v.type as string | null) ?? null,
    title: str(v.title),
    topic: str(v.topic),
    reactions: num(v.reactions) ?? 0,
  }));
}
