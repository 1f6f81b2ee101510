/** An erasure reaches the legacy places (issue 20, core/member-erase-extras.ts through planErase). */

import { describe, expect, it } from 'vitest';
import { planErase } from '../../src/core/member-data';
import { a1Of, planNoteEdits, recipientHashes } from '../../src/core/member-erase-extras';
import { hashOf } from '../../src/core/survey-invitations';
import { MEMBERS_HEADER, tab } from './fixtures';

const members = tab('Membres', MEMBERS_HEADER, [
  ['M1', 'Alice', 'Martin', 'Alice.Martin@exemple.fr', '01/01/2025', '', ''],
  ['M2', 'Bruno', 'Petit', 'bruno@exemple.fr', '01/01/2025', '', ''],
]);
const hash = hashOf('alice.martin@exemple.fr');
const legacyLog = tab(
  '_ClubPulse_Mail',
  ['survey_id', 'recipient', 'kind', 'sent_on'],
  [
    ['HOT-E1', hash, 'invitation', '2025-03-13'],
    ['HOT-E1', hashOf('bruno@exemple.fr'), 'invitation', '2025-03-13'],
  ],
);
const board = tab(
  'Bureau',
  ['Sujet', 'Valeur'],
  [
    ['contact', 'Écrire à alice.martin@exemple.fr'],
    ['compte', 1],
    ['autre', 'Bruno Petit'],
  ],
);
const input = (extras = {}) => ({
  tabs: [members, legacyLog, board],
  locale: 'fr_FR',
  timeZone: 'Europe/Paris',
  today: '2026-11-15',
  member: 'M1',
  extras,
});

describe('erase, legacy places', () => {
  it('rewrites the old hidden log’s hash of their address, and no one else’s', () => {
    const r = planErase(input());
    if (!r.ok) throw new Error(r.message);
    expect(r.plan.edits.filter((e) => e.tab === '_ClubPulse_Mail')).toEqual([
      { tab: '_ClubPulse_Mail', row: 2, column: 2, value: 'M1' },
    ]);
    expect(recipientHashes(' Alice.Martin@EXEMPLE.fr ')).toEqual([hash]);
    expect(recipientHashes('pas une adresse')).toEqual([]);
  });

  it('replaces a formula quoting them by its value (text erased, numbers kept), reports it, leaves the others', () => {
    const r = planErase(
      input({
        Bureau: {
          formulas: [
            ['', ''],
            ['', '="Écrire à "&"alice.martin@exemple.fr"'],
            ['', '=IF(Membres!D2="Alice.Martin@exemple.fr";1;0)'],
            ['', '="Bruno "&"Petit"'],
          ],
        },
      }),
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.plan.edits.filter((e) => e.tab === 'Bureau')).toEqual([
      { tab: 'Bureau', row: 2, column: 2, value: 'Écrire à M1' },
      { tab: 'Bureau', row: 3, column: 2, value: 1 },
    ]);
    expect(r.plan.formulas).toEqual(['Bureau!B2', 'Bureau!B3']);
  });

  it('rewrites notes naming them in any tab, removes a note left empty, keeps the others', () => {
    const r = planErase(
      input({
        Membres: {
          notes: [
            ['', 'Alice Martin'],
            ['Voir ALICE.MARTIN@exemple.fr', '', 'Bruno Petit a appelé'],
          ],
        },
      }),
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.plan.notes).toEqual([
      { tab: 'Membres', row: 1, column: 2, note: 'M1' },
      { tab: 'Membres', row: 2, column: 1, note: 'Voir M1' },
    ]);
    expect(planNoteEdits('X', [['Alice']], (t) => t.replace('Alice', ' '))).toEqual([
      { tab: 'X', row: 1, column: 1, note: null },
    ]);
    expect(r.plan.already).toBe(false);
  });

  it('names cells as A1 across the alphabet', () => {
    expect([a1Of('T', 1, 1), a1Of('T', 9, 26), a1Of('T', 2, 27), a1Of('T', 3, 703)]).toEqual([
      'T!A1',
      'T!Z9',
      'T!AA2',
      'T!AAA3',
    ]);
  });
});
