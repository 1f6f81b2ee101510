/**
 * The mail log (src/core/mail-log.ts), hand-worked (issue 23): the visible tab read back in either
 * language into what was sent (surveys by day, the last nudge per member, editions), what was
 * refused (by address, lower-cased) and every row logged once; rows without kind, subject or member
 * left out; the same memory kept up to date while a run writes; outcome texts and lines laid out in
 * the tab's own columns. Every grid is read inside its test.
 */

import { describe, expect, it } from 'vitest';
import { dayOf } from '../../../src/core/dates';
import {
  alreadyLogged,
  type MailLogRow,
  mailLogColumns,
  mailLogHeader,
  mailLogLine,
  outcomeText,
  readMailMemory,
  remember,
} from '../../../src/core/mail-log';

const HEADER = ['Date', 'Type', 'Enquête ou relance', 'ID membre', 'E-mail', 'Résultat', 'Quota restant'];

describe('readMailMemory', () => {
  it('reads surveys sent by day, the last nudge per member, editions and refusals', () => {
    const memory = readMailMemory([
      HEADER,
      ['2026-03-10 08:00', 'invitation', 'HOT-E1', 'M001', 'a@club.fr', 'envoyé', 90],
      ['2026-03-12', 'Reminder', 'HOT-E1', 'M001', 'a@club.fr', 'Sent', 89],
      ['2026-02-01', 'relance', 'RELANCE', 'M002', 'b@club.fr', 'envoyé', 88],
      ['2026-04-01', 'rappel', 'NUDGE', 'M002', 'b@club.fr', 'envoyé', 87],
      ['2026-03-01', 'nudge', 'RELANCE', 'M002', 'b@club.fr', 'envoyé', 86],
      ['2026-03-01', 'relance', 'RELANCE', 'M003', 'c@club.fr', 'non envoyé : pas d’adresse e-mail', ''],
      ['2026-05-01', 'édition', 'EDITION-2026-S1', 'M004', 'd@club.fr', 'envoyé', 85],
      ['2026-05-02', 'invitation', 'HOT-E2', 'M005', 'E@Club.fr', 'refusé : Invalid address', 84],
      ['2026-05-03', 'bogus', 'HOT-E2', 'M006', 'f@club.fr', 'envoyé', 83],
      ['2026-05-03', 'invitation', '', 'M006', 'f@club.fr', 'envoyé', 83],
      ['2026-05-03', 'invitation', 'HOT-E2', '', 'f@club.fr', 'envoyé', 83],
    ]);
    expect([...memory.surveys]).toEqual([
      ['HOT-E1|M001|invitation', '2026-03-10'],
      ['HOT-E1|M001|reminder', '2026-03-12'],
    ]);
    // A nudge is told by its kind or by its subject (« RELANCE » / "NUDGE"); the latest day wins.
    expect([...memory.nudges]).toEqual([['M002', dayOf(2026, 4, 1)]]);
    expect([...memory.editions]).toEqual(['EDITION-2026-S1|M004']);
    expect([...memory.refused]).toEqual(['HOT-E2|M005|invitation|e@club.fr']);
    // Eight rows read, two of them the same (RELANCE, M002, nudge, envoyé): seven logged.
    expect(memory.logged.size).toBe(7);
    const skip: MailLogRow = {
      date: '2026-03-02',
      kind: 'nudge',
      subject: 'RELANCE',
      key: 'M003',
      email: 'c@club.fr',
      outcome: 'Non envoyé : pas d’adresse e-mail',
      quotaLeft: '',
    };
    expect(alreadyLogged(memory, skip)).toBe(true);
  });

  it('adds the old hidden log, and reads nothing from an empty tab', () => {
    const memory = readMailMemory(
      [],
      [
        ['survey_id', 'recipient', 'kind', 'sent_on'],
        ['HOT-E9', 'M009', 'invitation', '2025-12-01'],
      ],
    );
    expect([...memory.surveys]).toEqual([['HOT-E9|M009|invitation', '2025-12-01']]);
    expect([memory.logged.size, memory.nudges.size]).toEqual([0, 0]);
  });
});

describe('readMailMemory, cell by cell', () => {
  it('trims cells, reads a nudge by its kind or its French subject, dated by its day, and short rows', () => {
    const memory = readMailMemory([
      HEADER,
      [' 2026-01-05 09:30 ', ' relance ', ' Relance de janvier ', ' M010 ', '', ' envoyé ', 5],
      ['2026-01-06', 'rappel', 'RELANCE', 'M007', '', 'envoyé', 4],
      ['hier', 'relance', 'RELANCE', 'M011', '', 'envoyé', 3],
      ['2026-01-07', 'invitation', ' HOT-E3 ', 'M008'],
    ]);
    expect([...memory.nudges]).toEqual([
      ['M010', dayOf(2026, 1, 5)],
      ['M007', dayOf(2026, 1, 6)],
    ]);
    expect([...memory.surveys]).toEqual([]);
    // The short row has no outcome: logged with an empty one, not sent.
    const short: MailLogRow = {
      date: '2026-01-07',
      kind: 'invitation',
      subject: 'HOT-E3',
      key: 'M008',
      email: '',
      outcome: '',
      quotaLeft: '',
    };
    expect(alreadyLogged(memory, short)).toBe(true);
  });

  it('reads a refusal without an E-mail column with an empty address', () => {
    const memory = readMailMemory([
      ['Date', 'Type', 'Enquête ou relance', 'ID membre', 'Résultat'],
      ['2026-01-07', 'invitation', 'HOT-E3', 'M008', 'refusé : boom'],
    ]);
    expect([...memory.refused]).toEqual(['HOT-E3|M008|invitation|']);
  });
});

describe('remember and alreadyLogged', () => {
  const row = (kind: MailLogRow['kind'], outcome: string, subject = 'HOT-E1'): MailLogRow => ({
    date: '2026-03-10',
    kind,
    subject,
    key: 'M001',
    email: 'Ana@Club.fr',
    outcome,
    quotaLeft: 5,
  });

  it('keeps the memory as the tab would read it back', () => {
    const memory = readMailMemory([HEADER]);
    const today = dayOf(2026, 3, 10);
    remember(memory, row('invitation', 'refusé : boom'), 'refused', today);
    remember(memory, row('reminder', 'envoyé'), 'sent', today);
    remember(memory, row('nudge', 'envoyé', 'RELANCE'), 'sent', today);
    remember(memory, row('edition', 'envoyé', 'EDITION-2026-S1'), 'sent', today);
    remember(memory, row('invitation', 'non envoyé : quota'), 'quota', today);
    expect([...memory.refused]).toEqual(['HOT-E1|M001|invitation|ana@club.fr']);
    expect([...memory.surveys]).toEqual([['HOT-E1|M001|reminder', '2026-03-10']]);
    expect([...memory.nudges]).toEqual([['M001', today]]);
    expect([...memory.editions]).toEqual(['EDITION-2026-S1|M001']);
    expect(alreadyLogged(memory, row('invitation', 'Non envoyé : QUOTA'))).toBe(true);
    expect(alreadyLogged(memory, row('invitation', 'envoyé'))).toBe(false);
  });
});

describe('outcomeText, mailLogHeader and mailLogLine', () => {
  it('fills the reason and the count, 0 without one', () => {
    expect(outcomeText('refused', 'en', { reason: 'bounced' })).toBe('refused: bounced');
    expect(outcomeText('refused', 'fr')).toBe('refusé : ');
    expect(outcomeText('quota', 'fr', { count: 4 })).toBe(
      'non envoyé : quota du jour épuisé, 4 en attente (repris demain)',
    );
    expect(outcomeText('quota', 'en')).toBe('not sent: daily quota used up, 0 waiting (resumed tomorrow)');
  });

  it('lays a row out in the tab’s own columns, up to the last one', () => {
    expect(mailLogHeader('en')).toEqual([
      'Date',
      'Kind',
      'Survey or nudge',
      'Member ID',
      'E-mail',
      'Outcome',
      'Quota left',
    ]);
    const columns = mailLogColumns(['Kind', '', 'member_id', 'Quota restant', 'Résultat', 'Date']);
    const text = (v: unknown) => ({ text: v });
    const line = mailLogLine(
      {
        date: '2026-03-10',
        kind: 'nudge',
        subject: 'RELANCE',
        key: 'M001',
        email: 'a@club.fr',
        outcome: 'envoyé',
        quotaLeft: 7,
      },
      'fr',
      columns,
      text,
    );
    expect(line).toEqual(['relance', '', { text: 'M001' }, 7, { text: 'envoyé' }, { text: '2026-03-10' }]);
    // Columns the row does not fill are blank, up to the last one.
    const sparse = new Map([
      ['kind', 0],
      ['unknown', 2],
      ['quota_left', 5],
    ]);
    expect(
      mailLogLine(
        { date: 'd', kind: 'edition', subject: 's', key: 'k', email: 'e', outcome: 'o', quotaLeft: '' },
        'en',
        sparse,
        text,
      ),
    ).toEqual(['edition', '', '', '', '', '']);
  });
});
