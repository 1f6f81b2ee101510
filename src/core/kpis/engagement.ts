/**
 * Engagement KPIs (SPEC §3 and §12): active members, participation, registration, show-up,
 * attendance and guests per event, guest conversion, email open and click rates, solicitations per
 * week, interactions per member.
 */

import { isActiveOn } from '../model';
import { weeksIn } from '../periods';
import { activeMembersOfP, attendanceOfP, eventsOfP, inP, NO_DATA, rateMeasure } from './common';
import type { KpiContext, KpiDefinition, Measure } from './types';

const GUEST_CONVERSION_DAYS = 180;

function eventsAndAttendance(ctx: KpiContext): boolean {
  return ctx.club.hasData.events && ctx.club.hasData.attendance;
}

export const ENGAGEMENT: KpiDefinition[] = [
  {
    id: 'active_members',
    family: 'engagement',
    label: { fr: 'Membres actifs', en: 'Active members' },
    unit: 'count',
    formula: { fr: 'Membres actifs à la fin de la période.', en: 'Members active at the end of the period.' },
    tabs: ['members'],
    compute(ctx) {
      if (!ctx.club.hasData.members) return NO_DATA;
      const n = activeMembersOfP(ctx).length;
      return { value: n, n };
    },
  },
  {
    id: 'participation_rate',
    family: 'engagement',
    label: { fr: 'Taux de participation', en: 'Participation rate' },
    unit: 'ratio',
    formula: {
      fr: 'Membres actifs venus à au moins N événements de la période ÷ membres actifs (N : le minimum d’événements fixé dans l’onglet Paramètres, 1 par défaut).',
      en: 'Active members who attended at least N events in the period ÷ active members (N: the minimum number of events set in the Settings tab, 1 by default).',
    },
    tabs: ['members', 'events', 'attendance'],
    compute(ctx) {
      if (!ctx.club.hasData.members || !eventsAndAttendance(ctx) || eventsOfP(ctx).length === 0)
        return NO_DATA;
      const active = activeMembersOfP(ctx);
      const eventsByMember = new Map<string, Set<string>>();
      for (const a of attendanceOfP(ctx)) {
        if (a.attended !== true || !a.member) continue;
        let set = eventsByMember.get(a.member.id);
        if (!set) {
          set = new Set();
          eventsByMember.set(a.member.id, set);
        }
        set.add(a.event.id);
      }
      const min = ctx.settings.activeMinEvents;
      const participants = active.filter((m) => (eventsByMember.get(m.id)?.size ?? 0) >= min).length;
      return rateMeasure(participants, active.length, active.length, {
        participants,
        active_members: active.length,
        min_events: min,
      });
    },
  },
  {
    id: 'registration_rate',
    family: 'engagement',
    label: { fr: "Taux d'inscription", en: 'Registration rate' },
    unit: 'ratio',
    formula: {
      fr: 'Σ membres inscrits par événement (invités exclus) ÷ Σ membres actifs à la date de chaque événement.',
      en: 'Σ registered members per event (guests excluded) ÷ Σ active members at each event date.',
    },
    tabs: ['members', 'events', 'attendance'],
    compute(ctx) {
      const events = eventsOfP(ctx);
      if (!ctx.club.hasData.members || !eventsAndAttendance(ctx) || events.length === 0) return NO_DATA;
      const registered = new Map<string, Set<string>>();
      for (const a of attendanceOfP(ctx)) {
        if (!a.registered || a.guest || !a.member) continue;
        let set = registered.get(a.event.id);
        if (!set) {
          set = new Set();
          registered.set(a.event.id, set);
        }
        set.add(a.member.id);
      }
      let numerator = 0;
      let denominator = 0;
      for (const e of events) {
        numerator += registered.get(e.id)?.size ?? 0;
        for (const m of ctx.club.members) if (isActiveOn(m, e.date)) denominator++;
      }
      // n is the denominator (SPEC §12), so a small club's few events are not greyed out.
      return rateMeasure(numerator, denominator, denominator, {
        registrations: numerator,
        active_member_slots: denominator,
        events: events.length,
      });
    },
  },
  {
    id: 'show_up_rate',
    family: 'engagement',
    label: { fr: 'Taux de présence des inscrits', en: 'Show-up rate' },
    unit: 'ratio',
    formula: {
      fr: 'Présents ÷ inscrits, sur les inscriptions dont la présence est connue (invités compris).',
      en: 'Attended ÷ registered, over registrations with a known attendance (guests included).',
    },
    tabs: ['events', 'attendance'],
    compute(ctx) {
      if (!eventsAndAttendance(ctx)) return NO_DATA;
      let registered = 0;
      let attended = 0;
      for (const a of attendanceOfP(ctx)) {
        if (!a.registered || a.attended === null) continue;
        registered++;
        if (a.attended) attended++;
      }
      return rateMeasure(attended, registered, registered, { attended, registered });
    },
  },
  {
    id: 'avg_attendance',
    family: 'engagement',
    label: { fr: 'Participants par événement', en: 'Average attendance' },
    unit: 'per_event',
    formula: {
      fr: 'Présents (membres et invités) ÷ événements de la période.',
      en: 'Attendees (members and guests) ÷ events in the period.',
    },
    tabs: ['events', 'attendance'],
    compute(ctx) {
      const events = eventsOfP(ctx).length;
      if (!eventsAndAttendance(ctx)) return NO_DATA;
      const attended = attendanceOfP(ctx).filter((a) => a.attended === true).length;
      return rateMeasure(attended, events, events, { attendees: attended, events });
    },
  },
  {
    id: 'guests_per_event',
    family: 'engagement',
    label: { fr: 'Invités par événement', en: 'Guests per event' },
    unit: 'per_event',
    formula: {
      fr: 'Invités présents ÷ événements de la période.',
      en: 'Guests who attended ÷ events in the period.',
    },
    tabs: ['events', 'attendance'],
    compute(ctx) {
      const events = eventsOfP(ctx).length;
      if (!eventsAndAttendance(ctx)) return NO_DATA;
      const guests = attendanceOfP(ctx).filter((a) => a.attended === true && a.guest).length;
      return rateMeasure(guests, events, events, { guests, events });
    },
  },
  {
    id: 'guest_conversion_rate',
    family: 'engagement',
    label: { fr: 'Conversion des invités', en: 'Guest conversion rate' },
    unit: 'ratio',
    formula: {
      fr: 'Invités de la période devenus membres dans les 180 jours suivant leur venue ÷ invités distincts (provisoire tant que les 180 jours ne sont pas écoulés).',
      en: 'Guests of the period who joined within 180 days of their visit ÷ distinct guests (provisional until the 180 days are over).',
    },
    tabs: ['members', 'events', 'attendance'],
    compute(ctx) {
      if (!eventsAndAttendance(ctx)) return NO_DATA;
      const converted = new Map<string, boolean>();
      for (const a of attendanceOfP(ctx)) {
        if (!a.guest || a.attended !== true) continue;
        const joined = a.member?.joinedOn;
        const ok =
          joined !== undefined &&
          joined !== null &&
          joined >= a.event.date &&
          joined <= a.event.date + GUEST_CONVERSION_DAYS;
        converted.set(a.personKey, (converted.get(a.personKey) ?? false) || ok);
      }
      const guests = converted.size;
      const members = [...converted.values()].filter(Boolean).length;
      const provisional = ctx.today < ctx.period.end + GUEST_CONVERSION_DAYS;
      return rateMeasure(members, guests, guests, { guests, converted: members, provisional });
    },
  },
  emailRate('email_open_rate', { fr: "Taux d'ouverture des e-mails", en: 'Email open rate' }, 'opens', {
    fr: 'Σ ouvertures uniques ÷ Σ (destinataires − rebonds), campagnes de la période ayant des ouvertures. Indicatif : la protection de la vie privée gonfle les ouvertures.',
    en: 'Σ unique opens ÷ Σ (recipients − bounces), over campaigns of the period with opens. Indicative: privacy features inflate opens.',
  }),
  emailRate('email_click_rate', { fr: 'Taux de clic des e-mails', en: 'Email click rate' }, 'clicks', {
    fr: 'Σ clics uniques ÷ Σ (destinataires − rebonds), campagnes de la période ayant des clics. Indicatif.',
    en: 'Σ unique clicks ÷ Σ (recipients − bounces), over campaigns of the period with clicks. Indicative.',
  }),
  {
    id: 'solicitations_per_week',
    family: 'engagement',
    label: { fr: 'Sollicitations par semaine', en: 'Solicitations per week' },
    unit: 'per_week',
    formula: {
      fr: 'Interactions de type sollicitation ÷ semaines écoulées de la période.',
      en: 'Interactions of type solicitation ÷ elapsed weeks of the period.',
    },
    tabs: ['interactions'],
    compute(ctx) {
      if (!ctx.club.hasData.interactions) return NO_DATA;
      const count = ctx.club.interactions.filter((i) => i.type === 'solicitation' && inP(ctx, i.date)).length;
      const weeks = weeksIn(ctx.period, ctx.today);
      return { value: weeks > 0 ? count / weeks : null, n: count, details: { solicitations: count, weeks } };
    },
  },
  {
    id: 'interactions_per_member',
    family: 'engagement',
    label: { fr: 'Interactions par membre', en: 'Interactions per member' },
    unit: 'per_member',
    formula: {
      fr: 'Interactions de la période ÷ membres actifs.',
      en: 'Interactions in the period ÷ active members.',
    },
    tabs: ['interactions', 'members'],
    compute(ctx) {
      if (!ctx.club.hasData.interactions || !ctx.club.hasData.members) return NO_DATA;
      const count = ctx.club.interactions.filter((i) => inP(ctx, i.date)).length;
      const active = activeMembersOfP(ctx).length;
      return rateMeasure(count, active, count, { interactions: count, active_members: active });
    },
  },
];

function emailRate(
  id: string,
  label: { fr: string; en: string },
  field: 'opens' | 'clicks',
  formula: { fr: string; en: string },
): KpiDefinition {
  return {
    id,
    family: 'engagement',
    label,
    unit: 'ratio',
    formula,
    tabs: ['communications'],
    indicative: true,
    compute(ctx): Measure {
      if (!ctx.club.hasData.communications) return NO_DATA;
      let numerator = 0;
      let delivered = 0;
      let campaigns = 0;
      for (const c of ctx.club.campaigns) {
        const count = c[field];
        if (count === null || !inP(ctx, c.date)) continue;
        numerator += count;
        delivered += Math.max(0, c.recipients - c.bounces);
        campaigns++;
      }
      // n is the denominator, the delivered emails (SPEC §12).
      return rateMeasure(numerator, delivered, delivered, {
        [field]: numerator,
        delivered,
        campaigns,
        indicative: true,
      });
    },
  };
}
