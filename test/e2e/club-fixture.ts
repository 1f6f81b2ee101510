// A small French club built by hand, with every expected KPI worked out in the comments. Used by
// the add-on tests (through the bundle) and the CLI tests (through a saved .xlsx file).
//
// Period 2026-S1 (01/01/2026 – 30/06/2026), today 2026-11-27, Europe/Paris, fr_FR.
// Members: M1 Alice (joined 2025-01-10), M2 Bruno (2025-03-01), M3 Chloé (2025-06-15),
//          M4 David (2024-09-01, left 2026-02-15), M5 Emma (joined 2026-05-20, came to E1 as a guest).
//   active at 2026-06-30: M1, M2, M3, M5                                    → active_members 4
// Events in P: E1 2026-03-12 (breakfast), E2 2026-05-28 (afterwork); E3 2026-07-10 is after P.
// Attendance (registered/attended):
//   E1: M1 oui/oui, M2 oui/non, M3 oui/oui, emma@exemple.fr (guest) oui/oui invited by M1
//   E2: M1 oui/oui, M5 oui/oui, M3 oui/(blank: unknown)
//   + one row for unknown event E9                                          → 1 issue (unknown_event)
//   participation: M1, M3, M5 (Emma resolves to M5 by email) of 4           → 3/4 = 0.75
//   show-up: known & registered rows 6, attended 5                          → 5/6
//   avg attendance: attended rows 5 ÷ 2 events                              → 2.5
//   guests per event: Emma at E1 (not yet active) ÷ 2                       → 0.5
//   guest conversion: Emma joined 69 days after E1                          → 1/1 = 1
//   registration: E1 3 registered ÷ 3 active (M4 left), E2 3 ÷ 4 active     → 6/7
// Referrals: dated in P: R1 won 5,000 (closed 01/04/2026, typed as text), R2 lost, R3 open;
//   R0 dated 2025-12-01, won 2,000 closed 2026-01-15.
//   referrals_given 3; conversion won 1 ÷ decided 2 = 0.5 (the open one apart);
//   business_generated: closed in P → 5,000 + 2,000 = 7,000
// Responses (hot, in P): NPS 10, 9, 7, 3, 10 → (3 promoters − 1 detractor) ÷ 5 = +40;
//   satisfaction 5, 4, 4, 2, 5 → mean 4.0
// Tabs the club does not keep (each one missing_tab issue, in tab order, after Participations):
export const FIXTURE_MISSING_TABS = [
  'Communications',
  'Interactions',
  'Contenus',
  'Notoriété',
  'Investissements',
];

// Dues: 2025 paid by M1, M2, M3, M4; 2026 paid by M1, M3, M5 (M2 pending)
//   renewal T=2026: {M1, M3} ÷ {M1, M2, M3, M4} = 0.5; churn 0.5; new members 1 ÷ 3;
//   dues collected in P: 300 (M1, 20/01) + 300 (M3, 01/02) + 300 (M5, 20/05) = 900
import { dayOf, serialOf } from '../../src/core/dates';
import {
  type CellValue,
  newSheetModel,
  newWorkbookModel,
  type WorkbookModel,
} from '../../src/local/workbook/model';

export const FIXTURE_TODAY = '2026-11-27';

export const d = (y: number, m: number, day: number): CellValue => ({ serial: serialOf(dayOf(y, m, day)) });

export const FIXTURE_TABS: Record<string, CellValue[][]> = {
  Membres: [
    ['ID membre', 'Prénom', 'Nom', 'E-mail', "Date d'adhésion", 'Date de départ', 'Statut'],
    ['M1', 'Alice', 'Martin', 'alice@exemple.fr', d(2025, 1, 10), '', ''],
    ['M2', 'Bruno', 'Petit', 'bruno@exemple.fr', d(2025, 3, 1), '', ''],
    ['M3', 'Chloé', 'Durand', 'chloe@exemple.fr', d(2025, 6, 15), '', 'actif'],
    ['M4', 'David', 'Leroy', 'david@exemple.fr', d(2024, 9, 1), d(2026, 2, 15), 'ancien'],
    ['M5', 'Emma', 'Roux', 'emma@exemple.fr', d(2026, 5, 20), '', ''],
  ],
  Événements: [
    ['ID événement', 'Date', 'Titre', 'Format'],
    ['E1', d(2026, 3, 12), 'Petit-déjeuner de mars', 'petit-déjeuner'],
    ['E2', d(2026, 5, 28), 'Afterwork de mai', 'afterwork'],
    ['E3', d(2026, 7, 10), 'Visite de juillet', 'visite'],
  ],
  Participations: [
    ['ID événement', 'Membre', 'Inscrit', 'Présent', 'Invité', 'Invité par'],
    ['E1', 'M1', 'oui', 'oui', '', ''],
    ['E1', 'M2', 'oui', 'non', '', ''],
    ['E1', 'Chloé Durand', 'oui', 'oui', '', ''],
    ['E1', 'emma@exemple.fr', 'oui', 'oui', 'oui', 'M1'],
    ['E2', 'M1', 'oui', 'oui', '', ''],
    ['E2', 'M5', 'oui', 'oui', '', ''],
    ['E2', 'M3', 'oui', '', '', ''],
    ['E9', 'M2', 'oui', 'oui', '', ''],
  ],
  Recommandations: [
    ['Date', 'Donneur', 'Bénéficiaire', 'Type', 'Statut', 'Valeur', 'Date de clôture'],
    [d(2025, 12, 1), 'M1', 'M3', 'recommandation', 'gagné', 2000, d(2026, 1, 15)],
    [d(2026, 2, 1), 'M1', 'M2', 'recommandation', 'Gagné', '5 000,00 €', '01/04/2026'],
    [d(2026, 3, 15), 'M2', 'M3', 'mise en relation', 'perdu', '', ''],
    [d(2026, 4, 10), 'M3', 'Jean Dupont', 'lead', 'en cours', '', ''],
  ],
  Réponses: [
    ['Horodateur', 'ID enquête', "Type d'enquête", 'ID événement', 'Membre', 'NPS', 'Satisfaction'],
    [d(2026, 3, 13), 'HOT-E1', 'chaud', 'E1', 'M1', 10, 5],
    [d(2026, 3, 13), 'HOT-E1', 'chaud', 'E1', 'M3', 9, 4],
    [d(2026, 3, 14), 'HOT-E1', 'chaud', 'E1', '', 7, 4],
    [d(2026, 5, 29), 'HOT-E2', 'chaud', 'E2', 'M5', 3, 2],
    [d(2026, 5, 30), 'HOT-E2', 'chaud', 'E2', 'M1', 10, 5],
  ],
  Cotisations: [
    ['ID membre', 'Période', 'Montant', 'Payé le', 'Statut'],
    ['M1', 2025, 300, d(2025, 1, 15), 'payé'],
    ['M2', 2025, 300, d(2025, 3, 5), 'payé'],
    ['M3', 2025, 300, d(2025, 6, 20), 'payé'],
    ['M4', 2025, 300, d(2025, 1, 5), 'payé'],
    ['M1', 2026, 300, d(2026, 1, 20), 'payé'],
    ['M2', 2026, 300, '', 'en attente'],
    ['M3', '2026', 300, d(2026, 2, 1), 'payé'],
    ['M5', 2026, 300, d(2026, 5, 20), 'payé'],
  ],
  Paramètres: [
    ['Clé', 'Valeur'],
    ['club_name', 'Club Test'],
    ['target.participation_rate', 0.6],
  ],
};

/** Expected values of the fixture for 2026-S1 (see the arithmetic above). */
export const FIXTURE_EXPECTED: Record<string, number> = {
  active_members: 4,
  participation_rate: 3 / 4,
  registration_rate: 6 / 7,
  show_up_rate: 5 / 6,
  avg_attendance: 2.5,
  guests_per_event: 0.5,
  guest_conversion_rate: 1,
  referrals_given: 3,
  referral_conversion_rate: 0.5,
  business_generated: 7000,
  nps: 40,
  event_satisfaction: 4,
  renewal_rate: 0.5,
  churn_rate: 0.5,
  new_member_rate: 1 / 3,
  dues_collected: 900,
};

/** The fixture as a workbook model (fr_FR, Europe/Paris). */
export function fixtureWorkbook(): WorkbookModel {
  return workbookOf(FIXTURE_TABS, 'Club Test');
}

/** A French workbook model (fr_FR, Europe/Paris) with these tabs, in order. */
export function workbookOf(tabs: Record<string, CellValue[][]>, name: string): WorkbookModel {
  const model = newWorkbookModel({ locale: 'fr_FR', timeZone: 'Europe/Paris', name });
  for (const [tab, rows] of Object.entries(tabs)) {
    const sheet = newSheetModel(model.meta.nextSheetId++, tab);
    sheet.values = rows.map((r) => [...r]);
    model.sheets.push(sheet);
  }
  return model;
}
