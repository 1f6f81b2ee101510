/** Who owns the automation and whether a daily run acts (issue 20, core/automation-owner.ts). */

import { describe, expect, it } from 'vitest';
import {
  type AutomationOwner,
  boardEmails,
  ignoredRunNote,
  offBoardNote,
  ownerOffBoard,
  runActs,
  runVerdict,
} from '../../src/core/automation-owner';
import { issues, run, tab } from './fixtures';

const bruno: AutomationOwner = { email: 'Bruno@Club.fr', since: '2026-02-20', triggerIds: ['20', '21'] };
const silent: AutomationOwner = { email: '', since: '2026-02-20', triggerIds: ['20'] };

describe('should this run act?', () => {
  it('acts when nobody is recorded (switched on before owners were kept): every trigger, as before', () => {
    expect(runVerdict(null, '10', 'alice@club.fr')).toBe('no_owner');
    expect(runVerdict(null, '', '')).toBe('no_owner');
    expect(runActs('no_owner')).toBe(true);
  });

  it('by trigger id when the run names its trigger: the owner’s acts, a former owner’s does nothing', () => {
    expect(runVerdict(bruno, '21', '')).toBe('owner');
    expect(runVerdict(bruno, '10', 'alice@club.fr')).toBe('not_owner');
    // The id decides even when the address says otherwise (the same person re-installed, or no address).
    expect(runVerdict(bruno, '10', 'bruno@club.fr')).toBe('not_owner');
    expect(runVerdict(bruno, '20', 'alice@club.fr')).toBe('owner');
    expect(runVerdict(silent, '20', '')).toBe('owner');
    expect(runVerdict(silent, '10', '')).toBe('not_owner');
    expect(runActs('not_owner')).toBe(false);
    expect(runActs('owner')).toBe(true);
  });

  it('by e-mail (any case, spaces) when the run names no trigger or the owner has no trigger id', () => {
    const noIds = { ...bruno, triggerIds: [] };
    expect(runVerdict(noIds, '10', ' bruno@CLUB.fr ')).toBe('owner');
    expect(runVerdict(noIds, '10', 'alice@club.fr')).toBe('not_owner');
    expect(runVerdict(bruno, '', 'alice@club.fr')).toBe('not_owner');
    expect(runVerdict(bruno, '', 'bruno@club.fr')).toBe('owner');
  });

  it('acts when neither can tell (the Mail log keeps each e-mail exactly once)', () => {
    expect(runVerdict(silent, '', 'alice@club.fr')).toBe('unknown');
    expect(runVerdict({ ...bruno, triggerIds: [] }, '10', '')).toBe('unknown');
    expect(runActs('unknown')).toBe(true);
  });
});

describe('the board list', () => {
  it('reads addresses separated by commas, semicolons, spaces or lines, once each, lower-case', () => {
    expect(boardEmails('a@club.fr; B@Club.fr,\nc@club.fr  a@club.fr')).toEqual({
      emails: ['a@club.fr', 'b@club.fr', 'c@club.fr'],
      invalid: [],
    });
    expect(boardEmails('<a@club.fr>')).toEqual({ emails: ['a@club.fr'], invalid: [] });
  });

  it('hands back what is not an address (hostile text included)', () => {
    expect(boardEmails('a@club.fr; =HYPERLINK("x"); bob; @x.fr; a@b')).toEqual({
      emails: ['a@club.fr'],
      invalid: ['=HYPERLINK("x")', 'bob', '@x.fr', 'a@b'],
    });
  });

  it('the owner is off the board only when the club keeps a list and their address is known and not in it', () => {
    expect(ownerOffBoard(bruno, ['alice@club.fr'])).toBe(true);
    expect(ownerOffBoard(bruno, ['alice@club.fr', 'bruno@club.fr'])).toBe(false);
    expect(ownerOffBoard(bruno, [])).toBe(false);
    expect(ownerOffBoard(silent, ['alice@club.fr'])).toBe(false);
    expect(ownerOffBoard(null, ['alice@club.fr'])).toBe(false);
  });

  it('says so in one sentence, French or English, and names an owner without an address neutrally', () => {
    expect(offBoardNote(bruno, 'fr')).toBe(
      'Automatisation : son responsable (Bruno@Club.fr, depuis le 20/02/2026) n’est plus dans la liste « Bureau (e-mails) » des Paramètres ; un membre du bureau peut la reprendre depuis le panneau latéral (Enquêtes › Automatisation › Reprendre l’automatisation).',
    );
    expect(offBoardNote(bruno, 'en')).toBe(
      'Automation: its owner (Bruno@Club.fr, since 2026-02-20) is no longer in the "Board (e-mails)" list of Settings; a board member can take it over from the sidebar (Surveys › Automation › Take over the automation).',
    );
    expect(offBoardNote(silent, 'fr')).toContain('un membre du bureau (adresse non communiquée par Google)');
    expect(ignoredRunNote({ day: '2026-04-20', email: '' }, 'en')).toBe(
      'The trigger of a former owner still ran on 2026-04-20 and did nothing (only its creator can remove it, by switching the automation off on their side).',
    );
  });

  it('is read from Settings « Bureau (e-mails) » or board_emails; a bad entry is reported with its row', () => {
    const settingsOf = (rows: unknown[][]) => run([tab('Paramètres', ['Clé', 'Valeur'], rows)]);
    expect(settingsOf([['Bureau (e-mails)', 'A@club.fr, b@club.fr']]).settings.boardEmails).toEqual([
      'a@club.fr',
      'b@club.fr',
    ]);
    expect(settingsOf([['board_emails', 'c@club.fr']]).settings.boardEmails).toEqual(['c@club.fr']);
    const bad = settingsOf([['Bureau (e-mails)', 'a@club.fr; pas-une-adresse']]);
    expect(bad.settings.boardEmails).toEqual(['a@club.fr']);
    expect(issues(bad, 'bad_setting').map((i) => [i.row, i.value])).toEqual([
      [2, 'Bureau (e-mails) = a@club.fr; pas-une-adresse'],
    ]);
  });
});
