/**
 * planInvitations, hand-checked on a small club: five members, one event on 2026-03-10 that M001,
 * M002, M003 and M005 attended (M004 registered but did not come), M003 without an e-mail address,
 * M002 answered the hot survey (a signed answer). The mail log says who was already written to.
 */

import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../src/core/dates';
import {
  hashOf,
  logSurveyMail,
  parseSurveyMailLog,
  planInvitations,
  recipientsOf,
  type SurveyMailLog,
  surveyMail,
} from '../../src/core/survey-invitations';
import { run, sheetDate, tab } from './fixtures';

const day = (iso: string) => dayFromIso(iso)!;

function club() {
  return run(
    [
      tab(
        'Membres',
        ['ID membre', 'Prénom', 'Nom', 'E-mail', "Date d'adhésion", 'Date de départ', 'Statut'],
        [
          ['M001', 'Alice', 'Aa', 'alice@club.fr', '01/01/2025', '', ''],
          ['M002', 'Bruno', 'Bb', 'bruno@club.fr', '01/01/2025', '', ''],
          ['M003', 'Chloé', 'Cc', '', '01/01/2025', '', ''],
          ['M004', 'David', 'Dd', 'david@club.fr', '01/01/2025', '', ''],
          // Left before the end of 2026-S1: not asked by the cold survey of that semester.
          ['M005', 'Emma', 'Ee', 'emma@club.fr', '01/01/2025', '31/03/2026', 'ancien'],
        ],
      ),
      tab(
        'Événements',
        ['ID événement', 'Date', 'Titre', 'Format'],
        [['E1', '10/03/2026', 'Petit-déj', 'petit-déjeuner']],
      ),
      tab(
        'Participations',
        ['ID événement', 'Membre', 'Inscrit', 'Présent'],
        [
          ['E1', 'M001', 'oui', 'oui'],
          ['E1', 'M002', 'oui', 'oui'],
          ['E1', 'M003', 'oui', 'oui'],
          ['E1', 'M004', 'oui', 'non'],
          ['E1', 'M005', 'oui', 'oui'],
          // The same person twice is asked once.
          ['E1', 'M001', 'oui', 'oui'],
        ],
      ),
      tab(
        'Réponses',
        ['Horodatage', 'ID enquête', "Type d'enquête", 'ID événement', 'Membre', 'NPS'],
        [[sheetDate('2026-03-11'), 'HOT-E1', 'chaud', 'E1', 'M002', 9]],
      ),
    ],
    { today: '2026-03-11', period: '2026-S1' },
  ).club;
}

const HOT = { surveyId: 'HOT-E1', kind: 'hot' as const, target: 'E1' };
const COLD = { surveyId: 'COLD-2026-S1', kind: 'cold' as const, target: '2026-S1' };

function plan(log: SurveyMailLog, today: string, anonymous = false) {
  const p = planInvitations(club(), HOT, log, day(today), { anonymous });
  return p.queue.map((q) => `${q.kind}:${q.key}`);
}

describe('planInvitations', () => {
  it('invites every attendee with an address once, on the first day', () => {
    const p = planInvitations(club(), HOT, new Map(), day('2026-03-11'), { anonymous: false });
    expect(p.recipients.map((m) => m.id)).toEqual(['M001', 'M002', 'M003', 'M005']);
    expect(p.withoutEmail).toBe(1);
    expect(p.queue.map((q) => `${q.kind}:${q.key}`)).toEqual([
      'invitation:M001',
      'invitation:M002',
      'invitation:M005',
    ]);
  });

  it('sends no reminder on the day of the invitation, and nothing twice', () => {
    const log: SurveyMailLog = new Map();
    for (const id of ['M001', 'M002', 'M005']) logSurveyMail(log, 'HOT-E1', id, 'invitation', '2026-03-11');
    expect(plan(log, '2026-03-11')).toEqual([]);
  });

  it('reminds the next day those who did not answer (M002 answered), once', () => {
    const log: SurveyMailLog = new Map();
    for (const id of ['M001', 'M002', 'M005']) logSurveyMail(log, 'HOT-E1', id, 'invitation', '2026-03-11');
    expect(plan(log, '2026-03-12')).toEqual(['reminder:M001', 'reminder:M005']);
    logSurveyMail(log, 'HOT-E1', 'M001', 'reminder', '2026-03-12');
    expect(plan(log, '2026-03-13')).toEqual(['reminder:M005']);
    logSurveyMail(log, 'HOT-E1', 'M005', 'reminder', '2026-03-13');
    expect(plan(log, '2026-03-20')).toEqual([]);
  });

  it('puts invitations before reminders (a quota cut keeps the first e-mails)', () => {
    // M005 was invited yesterday; M001 and M002 were not reached (quota).
    const log: SurveyMailLog = new Map();
    logSurveyMail(log, 'HOT-E1', 'M005', 'invitation', '2026-03-11');
    expect(plan(log, '2026-03-12')).toEqual(['invitation:M001', 'invitation:M002', 'reminder:M005']);
  });

  it('in anonymous mode keys by a hash of the address and plans no reminders', () => {
    const keys = ['alice@club.fr', 'bruno@club.fr', 'emma@club.fr'].map(hashOf);
    expect(plan(new Map(), '2026-03-11', true)).toEqual(keys.map((k) => `invitation:${k}`));
    const log: SurveyMailLog = new Map();
    for (const k of keys) logSurveyMail(log, 'HOT-E1', k, 'invitation', '2026-03-11');
    expect(plan(log, '2026-03-15', true)).toEqual([]);
  });

  it('reads the mail log rows as written (header first, blank rows left out)', () => {
    const log = parseSurveyMailLog([
      ['survey_id', 'recipient', 'kind', 'sent_on'],
      ['HOT-E1', 'M001', 'invitation', '2026-03-11'],
      ['', '', '', ''],
      ['HOT-E1', 'M005', 'invitation', '2026-03-12'],
    ]);
    // M005 was invited today: no reminder yet; M001 yesterday: reminded; M002 never: invited.
    expect(plan(log, '2026-03-12')).toEqual(['invitation:M002', 'reminder:M001']);
  });

  it('asks the members active at the end of the semester, or today while it runs', () => {
    const c = club();
    expect(recipientsOf(c, COLD, day('2026-03-11')).map((m) => m.id)).toEqual([
      'M001',
      'M002',
      'M003',
      'M004',
      'M005',
    ]);
    expect(recipientsOf(c, COLD, day('2026-07-01')).map((m) => m.id)).toEqual([
      'M001',
      'M002',
      'M003',
      'M004',
    ]);
  });

  it('writes the reminder subject with its prefix and fills the named fields', () => {
    const alice = club().members[0]!;
    const mail = surveyMail('hot', 'reminder', 'fr', {
      member: alice,
      title: 'Petit-déj',
      url: 'U',
      club: 'C',
    });
    expect(mail.subject).toBe('Rappel : Votre avis sur « Petit-déj »');
    expect(mail.body.startsWith('Bonjour Alice,\n\nMerci d’avoir participé à « Petit-déj »')).toBe(true);
    expect(mail.body.endsWith('\nU\n\nMerci !\nC')).toBe(true);
  });

  it('waits reminderAfterDays days before a reminder', () => {
    const log: SurveyMailLog = new Map();
    for (const id of ['M001', 'M002', 'M005']) logSurveyMail(log, 'HOT-E1', id, 'invitation', '2026-03-11');
    const at = (today: string) =>
      planInvitations(club(), HOT, log, day(today), { anonymous: false, reminderAfterDays: 3 }).queue.map(
        (q) => `${q.kind}:${q.key}`,
      );
    expect(at('2026-03-13')).toEqual([]);
    expect(at('2026-03-14')).toEqual(['reminder:M001', 'reminder:M005']);
  });

  it('leaves out a member marked "no e-mail", and says why', () => {
    const c = club();
    c.members.find((m) => m.id === 'M005')!.profile.no_email = 'true';
    const p = planInvitations(c, HOT, new Map(), day('2026-03-11'), { anonymous: false });
    expect(p.queue.map((q) => q.key)).toEqual(['M001', 'M002']);
    expect(p.skipped.map((s) => `${s.key}:${s.reason}`)).toEqual(['M003:no_address', 'M005:no_email']);
  });
});
