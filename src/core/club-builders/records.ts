/** The dated tabs that name no member: Visibility, Stories and Investment, read row for row. */

import type { Mention, Spend, Story } from '../model';
import { type BuildContext, num, str } from './context';

export function buildMentions(ctx: BuildContext): Mention[] {
  return ctx.rowsOf('visibility').map(({ row, v }) => ({
    row,
    date: v.date as Mention['date'],
    type: v.type as string,
    sentiment: (v.sentiment as string | null) ?? null,
  }));
}

export function buildStories(ctx: BuildContext): Story[] {
  return ctx.rowsOf('stories').map(({ row, v }) => ({
    row,
    date: v.date as Story['date'],
    title: str(v.title),
    members: str(v.members),
    kpi: str(v.kpi),
    value: num(v.value),
    story: str(v.story),
    shareable: v.shareable === true,
  }));
}

export function buildSpends(ctx: BuildContext): Spend[] {
  return ctx.rowsOf('investment').map(({ row, v }) => ({
    row,
    date: v.date as Spend['date'],
    category: v.category as string,
    hours: num(v.hours),
    amount: num(v.amount),
  }));
}
