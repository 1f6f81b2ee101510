/**
 * Survey invitations (src/core/survey-invitations.ts), hand-worked (issue 23) on a small club,
 * today 12 March 2026: E1 on 10/03 attended by M001 (Alice@Club.fr, capitals in her address),
 * M002 and M006 (who asked for no e-mail), M004 registered and absent; E2 on 11/03 attended by M004.
 * Answers: M001 answered the cold survey COLD-2026-S1 (not the hot one), and someone answered
 * HOT-E1 anonymously. Every club is built inside its test.
 */

import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../../src/core/dates';
import type { Member } from '../../../src/core/model';
import {
  greetingName,
  parseSurveyMailLog,
  planInvitations,
  recipientsOf,
  surveyMail,
} from '../../../src/core/survey-invitations';
import { run, sheetDate, tab } from '../fixtures';

const day = (iso: string) => dayFromIso(iso)!;
const HOT = { surveyId: 'HOT-E1', kind: 'hot' as const, target: 'E1' };

function club() {
  return run(
    [
      tab(
        'Membres',
        ['ID membre', 'Prénom', 'Nom', 'E-mail', "Date d'adhésion", "Pas d'e-mail"],
        [
          ['M001', 'Alice', 'Aa', 'Alice@Club.fr', '01/01/2025', ''],
          ['M002', 'Bruno', 'Bb', 'bruno@club.fr', '01/01/2025', ''],
          ['M004', 'David', 'Dd', 'david@club.fr', '01/01/2025', ''],
          ['M006', 'Farid', 'Ff', 'farid@club.fr', '01/01/2025', 'oui'],
        ],
      ),
      tab(
        'Événements',
        ['ID événement', 'Date', 'Titre'],
        [
          ['E1', '10/03/2026', 'Petit-déj'],
          ['E2', '11/03/2026', 'Afterwork'],
        ],
      ),
      tab(
        'Participations',
        ['ID événement', 'Membre', 'Inscrit', 'Présent'],
        [
          ['E1', 'M001', 'oui', 'oui'],
          ['E1', 'M002', 'oui', 'oui'],
          ['E1', 'M006', 'oui', 'oui'],
          ['E1', 'M004', 'oui', 'non'],
          ['E2', 'M004', 'oui', 'oui'],
        ],
      ),
      tab(
        'Réponses',
        ['Horodatage', 'ID enquête', "Type d'enquête", 'ID événement', 'Membre', 'NPS'],
        [
          [sheetDate('2026-03-11'), 'COLD-2026-S1', 'froid', '', 'M001', 8],
          [sheetDate('2026-03-11'), 'HOT-E1', 'chaud', 'E1', '', 9],
        ],
      ),
    ],
    { today: '2026-03-12', period: '2026-S1' },
  ).club;
}

describe('recipientsOf', () => {
  it('asks the hot survey of those who came to that event only, and nobody for an unreadable semester', () => {
    const c = club();
    expect(recipientsOf(c, HOT, day('2026-03-12')).map((m) => m.id)).toEqual(['M001', 'M002', 'M006']);
    expect(
      recipientsOf(c, { surveyId: 'COLD-2026-S9', kind: 'cold', target: '2026-S9' }, day('2026-03-12')),
    ).toEqual([]);
  });
});

describe('planInvitations', () => {
  it('skips a member who asked for no e-mail without counting them as without address', () => {
    const p = planInvitations(club(), HOT, new Map(), day('2026-03-12'), { anonymous: false });
    expect(p.skipped.map((s) => [s.member.id, s.reason])).toEqual([['M006', 'no_email']]);
    expect(p.withoutEmail).toBe(0);
    expect(p.queue.map((q) => q.key)).toEqual(['M001', 'M002']);
  });

  it('reminds those who did not answer this survey, whatever they answered elsewhere', () => {
    const log = parseSurveyMailLog([
      ['survey_id', 'recipient', 'kind', 'sent_on'],
      ['HOT-E1', 'M001', 'invitation', '2026-03-10'],
      ['HOT-E1', 'M002', 'invitation', '2026-03-10'],
    ]);
    const p = planInvitations(club(), HOT, log, day('2026-03-12'), {
      anonymous: false,
      reminderAfterDays: 2,
    });
    expect(p.queue.map((q) => `${q.kind}:${q.key}`)).toEqual(['reminder:M001', 'reminder:M002']);
  });

  it('leaves out an invitation or a reminder the mail service refused, by survey, key, kind and address', () => {
    const refused = new Set(['HOT-E1|M001|invitation|alice@club.fr', 'HOT-E1|M002|reminder|bruno@club.fr']);
    const first = planInvitations(club(), HOT, new Map(), day('2026-03-12'), { anonymous: false, refused });
    expect(first.queue.map((q) => `${q.kind}:${q.key}`)).toEqual(['invitation:M002']);
    const log = new Map([
      ['HOT-E1|M001|invitation', '2026-03-01'],
      ['HOT-E1|M002|invitation', '2026-03-01'],
    ]);
    const second = planInvitations(club(), HOT, log, day('2026-03-12'), { anonymous: false, refused });
    expect(second.queue.map((q) => `${q.kind}:${q.key}`)).toEqual(['reminder:M001']);
  });
});

describe('parseSurveyMailLog', () => {
  it('keys each sent e-mail by survey, recipient and kind, skipping the header and rows without survey', () => {
    expect([
      ...parseSurveyMailLog([
        ['survey_id', 'recipient', 'kind', 'sent_on'],
        ['HOT-E1', 'M001', 'invitation', '2026-03-10'],
        ['', 'M002', 'invitation', '2026-03-10'],
      ]),
    ]).toEqual([['HOT-E1|M001|invitation', '2026-03-10']]);
  });
});

describe('greetingName and surveyMail', () => {
  const member = (firstName: string, lastName: string) => ({ id: 'M009', firstName, lastName }) as Member;

  it('greets by first name, else full name, else member id', () => {
    expect([
      greetingName(member('Léa', 'Moreau')),
      greetingName(member('', 'Moreau')),
      greetingName(member('', '')),
    ]).toEqual(['Léa', 'Moreau', 'M009']);
  });

  it('fills the club’s own template, with no list of events for a survey', () => {
    const templates = new Map([
      ['hot_invitation|fr', { subject: 'Merci {prenom} {nom}', body: 'Vu : [{evenements}] {titre} {club}' }],
    ]);
    const mail = surveyMail(
      'hot',
      'invitation',
      'fr',
      { member: member('Léa', 'Moreau'), title: 'Petit-déj', url: 'https://f', club: 'Club' },
      templates,
    );
    expect([mail.subject, mail.body]).toEqual(['Merci Léa Moreau', 'Vu : [] Petit-déj Club']);
  });
});
