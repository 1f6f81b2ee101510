// The small club of the automation's end-to-end tests (issue 17; see automation.test.ts for the
// hand-worked story) and the helpers that replay it day by day through the built bundle, shared by
// automation.test.ts and automation-owner.test.ts.
import { readFileSync } from 'node:fs';
import type { PlatformChoices } from '../../src/local/emulator/platform';
import { type LoadedBundle, loadBundle } from '../../src/local/runtime';
import {
  type CellValue,
  newSheetModel,
  newWorkbookModel,
  type WorkbookModel,
} from '../../src/local/workbook/model';

import { addDays, d, noon, replay, sheet, TZ } from './season';

export { addDays, d, noon, replay, sheet, TZ };

export const code = readFileSync('dist/Code.js', 'utf8');

export function club(): WorkbookModel {
  const model = newWorkbookModel({ locale: 'fr_FR', timeZone: TZ, name: 'Club Auto' });
  const tabs: Record<string, CellValue[][]> = {
    Membres: [
      ['ID membre', 'Prénom', 'Nom', 'E-mail', "Date d'adhésion", 'Date de départ', 'Statut', "Pas d'e-mail"],
      ['M1', 'Alice', 'Martin', 'alice@exemple.fr', d('2026-01-05'), '', '', ''],
      ['M2', 'Bruno', 'Petit', 'bruno@exemple.fr', d('2026-01-05'), '', '', 'non'],
      ['M3', 'Chloé', 'Durand', 'chloe@exemple.fr', d('2026-01-05'), '', '', 'oui'],
      ['M4', 'David', 'Leroy', '', d('2026-01-05'), '', '', ''],
      ['M5', 'Emma', 'Roux', 'emma@exemple.fr', d('2026-01-05'), '', '', ''],
    ],
    Événements: [
      ['ID événement', 'Date', 'Titre', 'Format'],
      ['E0', d('2026-01-20'), 'Vœux', 'afterwork'],
      ['E1', d('2026-02-10'), 'Petit-déjeuner', 'petit-déjeuner'],
      ['E2', d('2026-04-15'), 'Afterwork', 'afterwork'],
      ['E3', d('2026-07-20'), 'Visite', 'visite'],
    ],
    Participations: [
      ['ID événement', 'Membre', 'Inscrit', 'Présent'],
      ['E0', 'M1', 'oui', 'oui'],
      ['E0', 'M2', 'oui', 'oui'],
      ['E1', 'M1', 'oui', 'oui'],
      ['E1', 'M2', 'oui', 'oui'],
      ['E1', 'M3', 'oui', 'oui'],
      ['E1', 'M4', 'oui', 'oui'],
      ['E2', 'M1', 'oui', 'oui'],
      ['E2', 'M2', 'oui', 'non'],
      ['E2', 'M5', 'oui', 'oui'],
    ],
    Réponses: [
      ['Horodateur', 'ID enquête', "Type d'enquête", 'ID événement', 'Membre', 'NPS', 'Satisfaction'],
    ],
    Paramètres: [
      ['Clé', 'Valeur'],
      ['club_name', 'Club Auto'],
      ['rappel_apres_jours', 3],
      ['relance_inactifs_semaines', 6],
      ['relance_max_semaines', 8],
    ],
  };
  for (const [name, rows] of Object.entries(tabs)) {
    const sheet = newSheetModel(model.meta.nextSheetId++, name);
    sheet.values = rows.map((r) => [...r]);
    model.sheets.push(sheet);
  }
  return model;
}

/** One board member's runtime over the workbook, its clock set by `at.day`. */
export function member(
  model: WorkbookModel,
  at: { day: string },
  options: {
    userStore?: string;
    mailDailyQuota?: number;
    sees?: boolean;
    executionLimitMs?: number;
    userEmail?: string;
    platform?: Partial<PlatformChoices>;
  } = {},
): LoadedBundle {
  const platform = {
    ...(options.sees === undefined ? {} : { timeDrivenSeesActiveSpreadsheet: options.sees }),
    ...options.platform,
  };
  return loadBundle(code, {
    workbook: model,
    userLocale: 'fr',
    now: () => noon(at.day),
    userStore: options.userStore,
    userEmail: options.userEmail,
    mailDailyQuota: options.mailDailyQuota,
    executionLimitMs: options.executionLimitMs,
    platform: Object.keys(platform).length === 0 ? undefined : platform,
  });
}

/** The sent rows of the Mail log: `date kind subject member`. */
export function sentRows(model: WorkbookModel): string[] {
  const [header, ...rows] = sheet(model, 'Journal des envois').values;
  const col = (label: string) => header!.indexOf(label);
  return rows
    .filter((r) => r[col('Résultat')] === 'envoyé')
    .map((r) =>
      [r[col('Date')], r[col('Type')], r[col('Enquête ou relance')], r[col('ID membre')]].join(' '),
    );
}

export const HAND_CHECKED = [
  '2026-02-11 invitation HOT-E1 M1',
  '2026-02-11 invitation HOT-E1 M2',
  '2026-02-14 rappel HOT-E1 M2',
  '2026-02-16 relance RELANCE M5',
  '2026-03-24 relance RELANCE M2',
  '2026-03-26 relance RELANCE M1',
  '2026-04-13 relance RELANCE M5',
  '2026-04-16 invitation HOT-E2 M1',
  '2026-04-16 invitation HOT-E2 M5',
  '2026-04-19 rappel HOT-E2 M1',
  '2026-04-19 rappel HOT-E2 M5',
  '2026-05-19 relance RELANCE M2',
  '2026-05-27 relance RELANCE M1',
  '2026-06-08 relance RELANCE M5',
  '2026-07-01 invitation COLD-2026-S1 M1',
  '2026-07-01 invitation COLD-2026-S1 M2',
  '2026-07-01 invitation COLD-2026-S1 M5',
  '2026-07-04 rappel COLD-2026-S1 M1',
  '2026-07-04 rappel COLD-2026-S1 M2',
  '2026-07-04 rappel COLD-2026-S1 M5',
];

/** M1's answer to HOT-E1, typed in Responses on 2026-02-12. */
export function answerE1(model: WorkbookModel, day: string): void {
  if (day === '2026-02-12')
    sheet(model, 'Réponses').values.push([d(day), 'HOT-E1', 'chaud', 'E1', 'M1', 9, 5]);
}
