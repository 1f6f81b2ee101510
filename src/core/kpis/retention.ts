/**
 * Retention and growth KPIs (SPEC §3 and §12) over dues terms: renewal rate for the term T holding
 * P's end, churn, new-member rate, dues collected in P, and the "to call" list of members paid in
 * T−1 but not in T. Without a Dues tab a member is "in" a fiscal year when active on any of its days.
 */

import { fiscalYearOf } from '../cells';
import { isActiveOn, type Member } from '../model';
import { activeMembersOfP, inP, memo, NO_DATA, rateMeasure } from './common';
import type { KpiContext, KpiDefinition, Measure } from './types';

/** `2026`, or `2025-2026` when the fiscal year does not start in January. */
export function termLabel(term: number, fyStartMonth: number): string {
  return fyStartMonth === 1 ? String(term) : `${term}-${term + 1}`;
}

export interface Ledger {
  /** Member ids paid (or present, without Dues) per term. */
  paidIn(term: number): Set<string>;
  /** First term each member was paid in. */
  firstTerm: Map<string, number>;
  fromDues: boolean;
}

/** Who was paid (or a member, without Dues) in each term; shared by the KPIs and the members chart. */
export function membershipLedger(ctx: KpiContext): Ledger {
  return memo(ctx, 'ledger', () => {
    const fy = ctx.settings.fyStartMonth;
    const terms = new Map<number, Set<string>>();
    const firstTerm = new Map<string, number>();
    const add = (term: number, id: string) => {
      let set = terms.get(term);
      if (!set) {
        set = new Set();
        terms.set(term, set);
      }
      set.add(id);
      const first = firstTerm.get(id);
      if (first === undefined || term < first) firstTerm.set(id, term);
    };
    const fromDues = ctx.club.hasData.dues;
    if (fromDues) {
      for (const d of ctx.club.dues) if (d.paid) add(d.term, d.member.id);
    } else {
      for (const m of ctx.club.members) {
        if (m.joinedOn === null || m.status === 'prospect' || m.formerWithoutLeft) continue;
        const last = Math.min(m.leftOn ?? ctx.today, ctx.today);
        for (let t = fiscalYearOf(m.joinedOn, fy); t <= fiscalYearOf(last, fy); t++) add(t, m.id);
      }
    }
    return { paidIn: (t) => terms.get(t) ?? new Set(), firstTerm, fromDues };
  });
}

/** Σ amount of paid dues rows with a paid_on in P (a paid row without paid_on adds nothing). */
export function duesCollected(ctx: KpiContext): Measure {
  if (!ctx.club.hasData.dues) return NO_DATA;
  let total = 0;
  let n = 0;
  for (const d of ctx.club.dues) {
    if (!d.paid || d.paidOn === null || !inP(ctx, d.paidOn)) continue;
    total += d.amount ?? 0;
    n++;
  }
  return { value: total, n };
}

function currentTerm(ctx: KpiContext): number {
  return fiscalYearOf(ctx.period.end, ctx.settings.fyStartMonth);
}

function hasMembership(ctx: KpiContext): boolean {
  return ctx.club.hasData.dues || ctx.club.hasData.members;
}

function renewal(ctx: KpiContext): Measure {
  if (!hasMembership(ctx)) return NO_DATA;
  const ledger = membershipLedger(ctx);
  const t = currentTerm(ctx);
  const before = ledger.paidIn(t - 1);
  const now = ledger.paidIn(t);
  let renewed = 0;
  const toCall: string[] = [];
  for (const id of before) {
    if (now.has(id)) renewed++;
    else toCall.push(id);
  }
  const byId = new Map<string, Member>(ctx.club.members.map((m) => [m.id, m]));
  const fy = ctx.settings.fyStartMonth;
  const people = toCall.map((id) => {
    const m = byId.get(id);
    return {
      member_id: id,
      name: m ? `${m.firstName} ${m.lastName}`.trim() : id,
      email: m?.email ?? '',
      phone: m?.phone ?? '',
      left_on: m?.leftOn ?? null,
      leave_reason: (m?.leaveReason ?? '').trim(),
    };
  });
  // SPEC §12: the to-call list holds the non-renewers whose leave reason is empty; those whose
  // reason is recorded are listed apart, with the reasons tallied.
  const withReason = people.filter((p) => p.leave_reason !== '');
  return rateMeasure(renewed, before.size, before.size, {
    term: termLabel(t, fy),
    previous_term: termLabel(t - 1, fy),
    renewed,
    members_previous_term: before.size,
    source: ledger.fromDues ? 'dues' : 'members',
    to_call: people.filter((p) => p.leave_reason === ''),
    left_with_reason: withReason,
    leave_reasons: tallyReasons(withReason.map((p) => p.leave_reason)),
  });
}

/** Reasons with their counts, most frequent first, then alphabetically (same reason whatever its case). */
export function tallyReasons(reasons: string[]): Array<{ reason: string; count: number }> {
  const byKey = new Map<string, { reason: string; count: number }>();
  for (const reason of reasons) {
    const key = reason.toLocaleLowerCase('fr');
    const entry = byKey.get(key) ?? { reason, count: 0 };
    entry.count++;
    byKey.set(key, entry);
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason, 'fr'));
}

export const RETENTION: KpiDefinition[] = [
  {
    id: 'renewal_rate',
    family: 'retention',
    label: { fr: 'Taux de renouvellement', en: 'Renewal rate' },
    unit: 'ratio',
    formula: {
      fr: 'Membres ayant payé en T−1 et en T ÷ membres ayant payé en T−1 (T : exercice contenant la fin de la période).',
      en: 'Members paid in T−1 and in T ÷ members paid in T−1 (T: the fiscal year holding the end of the period).',
    },
    tabs: ['dues', 'members'],
    compute: (ctx) => memo(ctx, 'renewal', () => renewal(ctx)),
  },
  {
    id: 'first_year_renewal_rate',
    family: 'retention',
    label: { fr: 'Renouvellement après la première année', en: 'First-year renewal rate' },
    unit: 'ratio',
    formula: {
      fr: 'Parmi les membres dont le premier exercice payé est T−1 : payés en T ÷ ces membres.',
      en: 'Among members whose first paid term is T−1: paid in T ÷ those members.',
    },
    tabs: ['dues', 'members'],
    compute(ctx) {
      if (!hasMembership(ctx)) return NO_DATA;
      const ledger = membershipLedger(ctx);
      const t = currentTerm(ctx);
      const now = ledger.paidIn(t);
      let newcomers = 0;
      let renewed = 0;
      for (const id of ledger.paidIn(t - 1)) {
        if (ledger.firstTerm.get(id) !== t - 1) continue;
        newcomers++;
        if (now.has(id)) renewed++;
      }
      return rateMeasure(renewed, newcomers, newcomers, {
        term: termLabel(t, ctx.settings.fyStartMonth),
        renewed,
        first_year_members: newcomers,
      });
    },
  },
  {
    id: 'churn_rate',
    family: 'retention',
    label: { fr: "Taux d'attrition", en: 'Churn rate' },
    unit: 'ratio',
    lowerIsBetter: true,
    formula: { fr: '1 − taux de renouvellement.', en: '1 − renewal rate.' },
    tabs: ['dues', 'members'],
    compute(ctx) {
      const r = memo(ctx, 'renewal', () => renewal(ctx));
      return {
        value: typeof r.value === 'number' ? 1 - r.value : null,
        n: r.n,
        details: { term: r.details?.term },
      };
    },
  },
  {
    id: 'new_member_rate',
    family: 'retention',
    label: { fr: 'Part de nouveaux membres', en: 'New member rate' },
    unit: 'ratio',
    formula: {
      fr: 'Membres payés en T pour la première fois ÷ membres payés en T.',
      en: 'Members paid in T for the first time ÷ members paid in T.',
    },
    tabs: ['dues', 'members'],
    compute(ctx) {
      if (!hasMembership(ctx)) return NO_DATA;
      const ledger = membershipLedger(ctx);
      const t = currentTerm(ctx);
      const now = ledger.paidIn(t);
      let fresh = 0;
      for (const id of now) if (ledger.firstTerm.get(id) === t) fresh++;
      return rateMeasure(fresh, now.size, now.size, {
        term: termLabel(t, ctx.settings.fyStartMonth),
        new_members: fresh,
        members: now.size,
      });
    },
  },
  {
    id: 'net_growth',
    family: 'retention',
    label: { fr: 'Croissance nette', en: 'Net growth' },
    unit: 'ratio',
    formula: {
      fr: '(Membres actifs à la fin − membres actifs au début de la période) ÷ membres actifs au début.',
      en: '(Active members at the end − active members at the start of the period) ÷ active members at the start.',
    },
    tabs: ['members'],
    compute(ctx) {
      if (!ctx.club.hasData.members) return NO_DATA;
      const atStart = ctx.club.members.filter((m) => isActiveOn(m, ctx.period.start)).length;
      const atEnd = activeMembersOfP(ctx).length;
      return rateMeasure(atEnd - atStart, atStart, atStart, { at_start: atStart, at_end: atEnd });
    },
  },
  {
    id: 'dues_collected',
    family: 'retention',
    label: { fr: 'Cotisations encaissées', en: 'Dues collected' },
    unit: 'money',
    // Dues are paid once a year (mostly in January): a semester is compared with the year before.
    rhythm: 'yearly',
    formula: {
      fr: 'Σ montants des cotisations payées dont la date de paiement est dans la période.',
      en: 'Σ amounts of paid dues with a payment date in the period.',
    },
    tabs: ['dues'],
    compute: (ctx) => duesCollected(ctx),
  },
];
