/**
 * Who owns the automation (src/core/automation-owner.ts), hand-worked where
 * test/core/automation-owner.test.ts leaves room (issue 23): blank and padded addresses, the board
 * list's separators at the edges and angle brackets inside an address, addresses with more than one
 * at-sign, a `since` that is not a bare date, and the French and English wordings of each note.
 */

import { describe, expect, it } from 'vitest';
import {
  type AutomationOwner,
  boardEmails,
  ignoredRunNote,
  offBoardNote,
  ownerName,
  ownerOffBoard,
  runVerdict,
  sameEmail,
} from '../../../src/core/automation-owner';

const blank: AutomationOwner = { email: '   ', since: '2026-02-20', triggerIds: [] };
const padded: AutomationOwner = { email: ' bruno@club.fr ', since: '2026-02-20', triggerIds: [] };

describe('addresses', () => {
  it('two blank addresses are not the same; case and spaces do not count on either side', () => {
    expect(sameEmail('', '')).toBe(false);
    expect(sameEmail('bruno@club.fr', ' Bruno@Club.FR ')).toBe(true);
  });

  it('a blank address on either side cannot tell who runs: the run acts', () => {
    expect(runVerdict(padded, '', '   ')).toBe('unknown');
    expect(runVerdict(blank, '', 'alice@club.fr')).toBe('unknown');
    expect(runVerdict(padded, '', 'BRUNO@club.fr')).toBe('owner');
  });

  it('an owner with a blank address is never said to be off the board', () => {
    expect(ownerOffBoard(blank, ['alice@club.fr'])).toBe(false);
    expect(ownerOffBoard(padded, ['bruno@club.fr'])).toBe(false);
  });
});

describe('the board list at the edges', () => {
  it('ignores separators before the first address and after the last', () => {
    expect(boardEmails(' ;bruno@club.fr,\n')).toEqual({ emails: ['bruno@club.fr'], invalid: [] });
  });

  it('strips angle brackets only around an address, and wants one at-sign with a dotted domain', () => {
    expect(boardEmails('a<b@club.fr a>b@club.fr x@a@club.fr a@club.fr@x bruno@club.fr')).toEqual({
      emails: ['bruno@club.fr'],
      invalid: ['a<b@club.fr', 'a>b@club.fr', 'x@a@club.fr', 'a@club.fr@x'],
    });
  });
});

describe('the notes', () => {
  it('names the owner by their trimmed address, or neutrally in either language', () => {
    expect(ownerName(padded, 'fr')).toBe('bruno@club.fr');
    expect(ownerName(blank, 'fr')).toBe('un membre du bureau (adresse non communiquée par Google)');
    expect(ownerName(blank, 'en')).toBe('a board member (address not given by Google)');
  });

  it('writes the day the French way only when it is a bare yyyy-MM-dd', () => {
    expect(offBoardNote({ ...padded, since: '2026-02-20T10:00' }, 'fr')).toContain(
      'depuis le 2026-02-20T10:00)',
    );
    expect(offBoardNote({ ...padded, since: 'x2026-02-20' }, 'fr')).toContain('depuis le x2026-02-20)');
  });

  it('says in French that a former owner’s trigger ran and did nothing', () => {
    expect(ignoredRunNote({ day: '2026-04-20', email: '  ' }, 'fr')).toBe(
      'Le déclencheur de un ancien responsable a encore tourné le 20/04/2026 et n’a rien fait (seul son créateur peut le supprimer, en désactivant l’automatisation de son côté).',
    );
    expect(ignoredRunNote({ day: '2026-04-20', email: ' bruno@club.fr ' }, 'en')).toBe(
      'The trigger of bruno@club.fr still ran on 2026-04-20 and did nothing (only its creator can remove it, by switching the automation off on their side).',
    );
  });
});
