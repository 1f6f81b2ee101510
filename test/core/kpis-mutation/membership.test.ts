/**
 * The membership form (src/core/membership.ts), hand-worked (issue 23): the response tab's columns
 * found by question title in either language, an answer read back (trimmed, consent as oui/non or
 * yes/no, the timestamp as a day), and what it does to Members — a new member numbered after the
 * others, dated the day of the answer, prospect or active as Settings says, placed under the tab's
 * own header; a known e-mail filling only blanks. Every plan is made inside its test.
 */

import { describe, expect, it } from 'vitest';
import { cellLocaleOf } from '../../../src/core/cells';
import { dayOf } from '../../../src/core/dates';
import {
  fieldsOfHeader,
  type MembersSnapshot,
  planMembership,
  type Submission,
  submissionOf,
} from '../../../src/core/membership';

const fr = cellLocaleOf('fr_FR', 'Europe/Paris');
const today = dayOf(2026, 9, 15);
const options = (signUpsAreMembers = false, lang: 'fr' | 'en' = 'fr') => ({
  lang,
  locale: fr,
  signUpsAreMembers,
  today,
});
const answer = (
  values: Record<string, string>,
  submittedOn: number | null = dayOf(2026, 9, 10),
): Submission => ({
  row: 2,
  submittedOn,
  values,
});
const HEADER = ['ID membre', 'Prénom', 'Nom', 'E-mail', "Date d'adhésion", 'Statut', 'Entreprise'];
const members = (...rows: unknown[][]): MembersSnapshot => ({ name: 'Membres', values: [HEADER, ...rows] });

describe('fieldsOfHeader', () => {
  it('finds each question by its French or English title and the timestamp column', () => {
    expect(
      fieldsOfHeader([
        'Horodateur',
        'Prénom',
        'Last name',
        ' e-mail ',
        "Ce que j'offre au réseau",
        'What I look for in the network',
        "J'accepte d'être nommé·e dans ce que le club partage",
        'Question ajoutée',
        null,
      ]),
    ).toEqual([
      'submitted_at',
      'first_name',
      'last_name',
      'email',
      'offers',
      'looking_for',
      'agrees_to_be_named',
      null,
      null,
    ]);
    expect(fieldsOfHeader(['Timestamp', 'horodatage', 'Phone', 'Entreprise'])).toEqual([
      'submitted_at',
      'submitted_at',
      'phone',
      'company',
    ]);
  });
});

describe('submissionOf', () => {
  const fields = ['submitted_at', 'first_name', 'email', null, 'agrees_to_be_named'];

  it('reads a row, trimmed, with its day and the consent in the workbook language', () => {
    expect(
      submissionOf(
        fields,
        ['12/09/2026 10:15:00', ' Alice ', 'alice@club.fr ', 'ignorée', 'Oui'],
        5,
        fr,
        'fr',
      ),
    ).toEqual({
      row: 5,
      submittedOn: dayOf(2026, 9, 12),
      values: { first_name: 'Alice', email: 'alice@club.fr', agrees_to_be_named: 'oui' },
    });
    const en = (consent: string) =>
      submissionOf(fields, ['', 'Bob', '', '', consent], 6, fr, 'en')!.values.agrees_to_be_named;
    expect([en('Yes'), en('oui'), en('No'), en('Peut-être'), en('')]).toEqual(['yes', 'yes', 'no', 'no', '']);
    const fr_ = (consent: string) =>
      submissionOf(fields, ['', 'Bob', '', '', consent], 6, fr, 'fr')!.values.agrees_to_be_named;
    expect([fr_('YES'), fr_('non'), fr_('Non merci'), fr_(' ')]).toEqual(['oui', 'non', 'non', '']);
  });

  it('gives no day for an unreadable timestamp, and null for an empty row', () => {
    expect(submissionOf(fields, ['hier', 'Alice', '', '', ''], 3, fr, 'fr')?.submittedOn).toBeNull();
    expect(submissionOf(fields, ['', 'Alice', '', '', ''], 3, fr, 'fr')?.submittedOn).toBeNull();
    expect(submissionOf(fields, ['', '', null, '', ''], 3, fr, 'fr')).toBeNull();
  });
});

describe('planMembership', () => {
  it('refuses an answer without a valid e-mail, naming it trimmed', () => {
    expect(planMembership(members(), answer({ email: ' alice@club ' }), options())).toEqual({
      ok: false,
      reason: 'bad_email',
      email: 'alice@club',
    });
    expect(planMembership(members(), answer({ first_name: 'Alice' }), options())).toEqual({
      ok: false,
      reason: 'bad_email',
      email: '',
    });
    for (const bad of ['alice club@x.fr', 'alice@@x.fr', 'alice@x', '@x.fr', 'alice@.fr x'])
      expect(planMembership(members(), answer({ email: bad }), options()).ok).toBe(false);
  });

  it('adds a new e-mail as the next member, a prospect dated the day of the answer, after the last used row', () => {
    const tab = members(
      ['M007', 'Léa', 'Moreau', 'lea@club.fr', '01/03/2025', 'actif', 'Acme'],
      ['M001', 'Ana', 'Lopez', 'ana@club.fr', '01/01/2025', 'actif', ''],
      ['', '', '', '', '', '', ''],
    );
    const plan = planMembership(
      tab,
      answer({
        first_name: 'Jean',
        last_name: 'Dupont',
        email: ' Jean@Club.fr ',
        phone: '0600000000',
        company: '',
      }),
      options(),
    );
    // M008 follows the highest number; row 4 follows the last row holding anything (row 3, M001's,
    // though its company is blank).
    expect(plan).toEqual({
      ok: true,
      action: 'created',
      memberId: 'M008',
      header: [...HEADER, 'Téléphone'],
      addedColumns: [7],
      row: 4,
      line: ['M008', 'Jean', 'Dupont', 'Jean@Club.fr', '2026-09-10', 'prospect', '', '0600000000'],
      fills: [],
    });
  });

  it('makes the new member active when sign-ups are members, dated today without a timestamp', () => {
    const plan = planMembership(members(), answer({ email: 'bob@club.fr' }, null), options(true, 'en'));
    expect(plan).toMatchObject({ action: 'created', memberId: 'M001', row: 2 });
    if (!plan.ok) throw new Error('refused');
    expect(plan.line).toEqual(['M001', '', '', 'bob@club.fr', '2026-09-15', 'active', '']);
  });

  it('starts the Members tab when there is none', () => {
    const plan = planMembership(
      { name: 'Membres', values: null },
      answer({ email: 'c@club.fr', first_name: 'Chloé' }),
      options(),
    );
    expect(plan).toEqual({
      ok: true,
      action: 'created',
      memberId: 'M001',
      header: ['ID membre', 'Prénom', 'E-mail', "Date d'adhésion", 'Statut'],
      addedColumns: [],
      row: 2,
      line: ['M001', 'Chloé', 'c@club.fr', '2026-09-10', 'prospect'],
      fills: [],
    });
  });

  it('fills only the blank cells of a known e-mail (first row with it) that the answer fills, never its e-mail', () => {
    const tab = members(
      ['M001', 'Ana', '', ' ANA@club.fr ', '01/01/2025', '', ''],
      ['M002', '', '', 'ana@club.fr', '01/01/2025', 'actif', ''],
    );
    const plan = planMembership(
      tab,
      answer({ email: 'ana@CLUB.fr', first_name: 'Anna', last_name: 'Lopez', company: 'Acme' }),
      options(),
    );
    expect(plan).toEqual({
      ok: true,
      action: 'filled',
      memberId: 'M001',
      header: HEADER,
      addedColumns: [],
      row: 2,
      line: null,
      fills: [
        { column: 2, value: 'Lopez' },
        { column: 6, value: 'Acme' },
      ],
    });
  });

  it('adds a column only when a fill goes into it, and changes nothing when nothing is new', () => {
    const tab = members(['M001', 'Ana', 'Lopez', 'ana@club.fr', '01/01/2025', 'actif', 'Acme']);
    const withPhone = planMembership(tab, answer({ email: 'ana@club.fr', phone: '0611' }), options());
    expect(withPhone).toMatchObject({
      action: 'filled',
      header: [...HEADER, 'Téléphone'],
      addedColumns: [7],
      fills: [{ column: 7, value: '0611' }],
    });
    // A blank last name and a new phone column: both filled, the added column reported.
    const both = planMembership(
      members(['M001', 'Ana', '', 'ana@club.fr', '01/01/2025', 'actif', 'Acme']),
      answer({ email: 'ana@club.fr', last_name: 'Lopez', phone: '0611' }),
      options(),
    );
    expect(both).toMatchObject({
      action: 'filled',
      addedColumns: [7],
      fills: [
        { column: 2, value: 'Lopez' },
        { column: 7, value: '0611' },
      ],
    });
    const same = planMembership(
      tab,
      answer({ email: 'ana@club.fr', first_name: 'Anna', company: 'Other' }),
      options(),
    );
    expect(same).toMatchObject({
      action: 'unchanged',
      memberId: 'M001',
      row: 2,
      fills: [],
      addedColumns: [],
    });
  });
});
