/**
 * The Communications tab. A count larger than what it counts within (bounces over recipients,
 * opens or clicks over the delivered emails) is reported and read as empty: it would make a rate
 * above 100 %.
 */

import type { Campaign } from '../model';
import { type BuildContext, num, str } from './context';

export function buildCampaigns(ctx: BuildContext): Campaign[] {
  return ctx.rowsOf('communications').map((line) => {
    const { row, v } = line;
    const recipients = v.recipients as number;
    const within = (column: 'bounces' | 'opens' | 'clicks', limit: number): number | null => {
      const value = num(v[column]);
      if (value === null || value <= limit) return value;
      ctx.report('communications', row, column, line.raw(column), 'out_of_range', { range: `0–${limit}` });
      return null;
    };
    const bounces = within('bounces', recipients) ?? 0;
    return {
      row,
      date: v.date as Campaign['date'],
      name: str(v.campaign),
      type: (v.type as string | null) ?? null,
      recipients,
      bounces,
      opens: within('opens', recipients - bounces),
      clicks: within('clicks', recipients - bounces),
      unsubscribes: num(v.unsubscribes),
    };
  });
}
