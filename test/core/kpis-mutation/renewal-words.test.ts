/**
 * The renewal season on the Dashboard tab (src/core/renewal-words.ts), hand-worked (issue 23) on
 * renewal plans made by hand: nothing when renewal is off or out of season, the statements and the
 * reminders counted with what was left out and why, the line without a Dues tab, and the members
 * to call — named (first and last name, else ID), why, at most 15 then « … et N autre(s) ».
 */

import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/core/i18n';
import type { RenewalPlan } from '../../../src/core/renewal';
import { renewalNotes } from '../../../src/core/renewal-words';

type Call = { id: string; firstName?: string; lastName?: string; reason: string; remindedOn?: string | null };

function plan(extra: {
  on?: boolean;
  phase?: string;
  noDues?: boolean;
  sent?: number;
  mails?: number;
  skipped?: string[];
  toCall?: Call[];
}): RenewalPlan {
  return {
    on: extra.on ?? true,
    window: { termLabel: '2026-2027', phase: extra.phase ?? 'statements' },
    noDues: extra.noDues ?? false,
    sent: extra.sent ?? 0,
    mails: Array.from({ length: extra.mails ?? 0 }, () => ({})),
    skipped: (extra.skipped ?? []).map((reason) => ({ reason })),
    toCall: (extra.toCall ?? []).map((c) => ({
      member: { id: c.id, firstName: c.firstName ?? '', lastName: c.lastName ?? '' },
      reason: c.reason,
      remindedOn: c.remindedOn ?? null,
    })),
  } as unknown as RenewalPlan;
}

const notes = (p: RenewalPlan, lang: Lang = 'fr') => renewalNotes(p, lang);

describe('renewalNotes', () => {
  it('says nothing when renewal is off or out of season without members to call', () => {
    expect(notes(plan({ on: false, sent: 3 }))).toEqual([]);
    expect(notes(plan({ phase: 'none' }))).toEqual([]);
  });

  it('counts statements and reminders sent and waiting, and what was not sent, by reason', () => {
    expect(
      notes(plan({ sent: 12, mails: 3, skipped: ['no_address', 'erased', 'no_address', 'no_email'] })),
    ).toEqual([
      'Renouvellement 2026-2027 : 12 bilan(s) envoyé(s), 3 en attente ; non envoyés : 2 sans adresse e-mail, 1 effacé(s), 1 « pas d’e-mail ».',
    ]);
    expect(notes(plan({ phase: 'reminders', sent: 4, mails: 0 }), 'en')).toEqual([
      'Renewal 2026-2027: 4 reminder(s) sent, 0 waiting.',
    ]);
  });

  it('says there is no Dues tab in the reminders phase, and only that', () => {
    expect(
      notes(plan({ phase: 'reminders', noDues: true, toCall: [{ id: 'M001', reason: 'no_email' }] }), 'en'),
    ).toEqual(['Renewal 2026-2027: no Dues tab, so no reminder and no list to call.']);
    // In the statements phase the Dues tab is not needed yet.
    expect(notes(plan({ noDues: true, sent: 1 }))[0]).toMatch(/^Renouvellement 2026-2027 : 1 bilan/);
  });

  it('lists the members to call with why, by name or ID, the day of the reminder as the club reads it', () => {
    const lines = notes(
      plan({
        phase: 'none',
        toCall: [
          { id: 'M001', firstName: 'Ana', lastName: 'Lopez', reason: 'reminded', remindedOn: '2026-09-03' },
          { id: 'M002', lastName: 'Moreau', reason: 'no_address' },
          { id: 'M003', reason: 'no_email' },
          { id: 'M004', firstName: 'Jean', reason: 'reminded', remindedOn: 'hier' },
          { id: 'M005', firstName: 'Zoé', reason: 'reminded' },
        ],
      }),
    );
    expect(lines).toEqual([
      '☎ Renouvellement 2026-2027 : 5 membre(s) à appeler, cotisation toujours pas payée : Ana Lopez (rappel le 03/09/2026), Moreau (pas d’adresse e-mail), M003 (« pas d’e-mail »), Jean (rappel le hier), Zoé (rappel le )',
    ]);
  });

  it('names 15 members at most and counts the others', () => {
    const toCall = Array.from({ length: 17 }, (_, i) => ({ id: `M${100 + i}`, reason: 'no_email' }));
    const [line] = notes(plan({ phase: 'none', toCall }), 'en');
    expect(line).toMatch(
      /^☎ Renewal 2026-2027: 17 member\(s\) to call, dues still unpaid: M100 \("no e-mail"\), /,
    );
    expect(line).toContain('M114 ("no e-mail")… and 2 more');
    expect(line).not.toContain('M115');
    const fifteen = notes(plan({ phase: 'none', toCall: toCall.slice(0, 15) }), 'en')[0];
    expect(fifteen.endsWith('M114 ("no e-mail")')).toBe(true);
  });
});
