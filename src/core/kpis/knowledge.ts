/**
 * Knowledge and content KPIs (SPEC §3 and §12): contents shared (and per member), the top 5 topics,
 * and profile completion of the members' directory cards.
 */

import { normalizeLabel } from '../normalize';
import { tabSpec } from '../schema';
import { activeMembersOfP, inP, NO_DATA, rateMeasure } from './common';
import type { KpiDefinition } from './types';

const TOP_TOPICS = 5;

/** The Members column ids named by Settings `profile_fields` (ids or labels, matched leniently). */
export function profileColumns(fields: string[]): string[] {
  const columns = tabSpec('members').columns;
  const ids: string[] = [];
  for (const field of fields) {
    const key = normalizeLabel(field);
    const column = columns.find((c) => [c.id, c.label.fr, c.label.en].some((s) => normalizeLabel(s) === key));
    // A name that is no Members column cannot be filled in: it is left out rather than counted empty.
    if (column && !ids.includes(column.id)) ids.push(column.id);
  }
  return ids;
}

export const KNOWLEDGE: KpiDefinition[] = [
  {
    id: 'contents_shared',
    family: 'knowledge',
    label: { fr: 'Contenus partagés', en: 'Contents shared' },
    unit: 'count',
    formula: { fr: 'Contenus datés dans la période.', en: 'Contents dated in the period.' },
    tabs: ['contents'],
    compute(ctx) {
      if (!ctx.club.hasData.contents) return NO_DATA;
      const n = ctx.club.contents.filter((c) => inP(ctx, c.date)).length;
      return { value: n, n };
    },
  },
  {
    id: 'contents_per_member',
    family: 'knowledge',
    label: { fr: 'Contenus par membre', en: 'Contents per member' },
    unit: 'per_member',
    formula: {
      fr: 'Contenus de la période ÷ membres actifs.',
      en: 'Contents in the period ÷ active members.',
    },
    tabs: ['contents', 'members'],
    compute(ctx) {
      if (!ctx.club.hasData.contents || !ctx.club.hasData.members) return NO_DATA;
      const count = ctx.club.contents.filter((c) => inP(ctx, c.date)).length;
      const active = activeMembersOfP(ctx).length;
      return rateMeasure(count, active, count, { contents: count, active_members: active });
    },
  },
  {
    id: 'top_topics',
    family: 'knowledge',
    label: { fr: 'Thèmes les plus partagés', en: 'Top topics' },
    unit: 'list',
    formula: {
      fr: 'Les 5 thèmes ayant le plus de contenus dans la période, puis le plus de réactions, puis par ordre alphabétique.',
      en: 'The 5 topics with most contents in the period, then most reactions, then alphabetically.',
    },
    tabs: ['contents'],
    compute(ctx) {
      if (!ctx.club.hasData.contents) return NO_DATA;
      // Topics are grouped leniently (`Marketing` = `marketing `), shown as first typed.
      const topics = new Map<string, { topic: string; contents: number; reactions: number }>();
      let n = 0;
      for (const c of ctx.club.contents) {
        const key = normalizeLabel(c.topic);
        if (!key || !inP(ctx, c.date)) continue;
        n++;
        let t = topics.get(key);
        if (!t) {
          t = { topic: c.topic.trim(), contents: 0, reactions: 0 };
          topics.set(key, t);
        }
        t.contents++;
        t.reactions += c.reactions;
      }
      const ranked = [...topics.values()].sort(
        (a, b) => b.contents - a.contents || b.reactions - a.reactions || a.topic.localeCompare(b.topic),
      );
      const top = ranked.slice(0, TOP_TOPICS);
      return { value: top.map((t) => t.topic), n, details: { topics: top } };
    },
  },
  {
    id: 'profile_completion_rate',
    family: 'knowledge',
    label: { fr: 'Complétude des fiches membres', en: 'Profile completion rate' },
    unit: 'ratio',
    formula: {
      fr: 'Moyenne, sur les membres actifs, de la part des champs de profil remplis (téléphone, site, LinkedIn, bio, expertise, photo).',
      en: 'Mean, over active members, of the share of profile fields filled in (phone, website, LinkedIn, bio, expertise, photo).',
    },
    tabs: ['members'],
    compute(ctx) {
      if (!ctx.club.hasData.members) return NO_DATA;
      const fields = profileColumns(ctx.settings.profileFields);
      const active = activeMembersOfP(ctx);
      if (fields.length === 0 || active.length === 0)
        return { value: null, n: active.length, details: { fields } };
      let sum = 0;
      for (const m of active) {
        // Profiles are today's snapshot; a cell of spaces was read as empty.
        const filled = fields.filter((f) => (m.profile[f] ?? '').trim() !== '').length;
        sum += filled / fields.length;
      }
      return { value: sum / active.length, n: active.length, details: { fields } };
    },
  },
];
