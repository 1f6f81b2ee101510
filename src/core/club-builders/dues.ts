/**
 * The Dues tab: a row counts when its member resolves; paid when its status says so, or when it
 * has no status but a payment date. A paid row without a date is reported.
 */

import type { Due } from '../model';
import { day, type MemberContext, num, str } from './context';

export function buildDues(ctx: MemberContext): Due[] {
  const dues: Due[] = [];
  for (const { row, v } of ctx.rowsOf('dues')) {
    const member = ctx.resolve('dues', row, 'member_id', str(v.member_id), true);
    if (!member) continue;
    const status = (v.status as string | null) ?? null;
    const paidOn = day(v.paid_on);
    const paid = status === 'paid' || (status === null && paidOn !== null);
    if (status === 'paid' && paidOn === null) ctx.report('dues', row, 'paid_on', '', 'paid_without_date');
    dues.push({ row, member, term: v.term as number, amount: num(v.amount), paidOn, status, paid });
  }
  return dues;
}
