/**
 * Data issues: every row or value the core cannot use is reported, never dropped silently
 * (SPEC §1, §12). An issue names the tab, the 1-based sheet row (null for a whole tab), the column
 * header as typed, the raw value as text, a stable code and a sentence in the workbook's language.
 */

import { type Bilingual, fill, type Lang } from './i18n';

export type IssueCode =
  | 'missing_required'
  | 'missing_column'
  | 'bad_date'
  | 'bad_number'
  | 'bad_choice'
  | 'bad_term'
  | 'bad_month'
  | 'out_of_range'
  | 'unknown_member'
  | 'ambiguous_member'
  | 'unknown_event'
  | 'duplicate_id'
  | 'duplicate_email'
  | 'duplicate_row'
  | 'duplicate_column'
  | 'unknown_header'
  | 'duplicate_tab'
  | 'missing_left_on'
  | 'paid_without_date'
  | 'bad_setting'
  | 'duplicate_answer'
  | 'decisive_over_made'
  | 'missing_tab';

export interface DataIssue {
  tab: string;
  row: number | null;
  column: string | null;
  value: string;
  code: IssueCode;
  message: string;
}

const MESSAGES: Record<IssueCode, Bilingual> = {
  missing_required: {
    fr: 'Valeur obligatoire manquante dans « {column} » : la ligne est ignorée.',
    en: 'Required value missing in "{column}": the row is left out.',
  },
  missing_column: {
    fr: 'Colonne obligatoire « {column} » introuvable : l’onglet ne peut pas être lu.',
    en: 'Required column "{column}" not found: the tab cannot be read.',
  },
  bad_date: {
    fr: 'Date illisible « {value} » dans « {column} » (attendu : jj/mm/aaaa).',
    en: 'Unreadable date "{value}" in "{column}" (expected: {dateHint}).',
  },
  bad_number: {
    fr: 'Nombre illisible « {value} » dans « {column} ».',
    en: 'Unreadable number "{value}" in "{column}".',
  },
  bad_choice: {
    fr: 'Valeur « {value} » inconnue dans « {column} » (valeurs possibles : {choices}).',
    en: 'Unknown value "{value}" in "{column}" (possible values: {choices}).',
  },
  bad_term: {
    fr: 'Période de cotisation illisible « {value} » (attendu : 2026, 2025-2026 ou une date).',
    en: 'Unreadable dues term "{value}" (expected: 2026, 2025-2026 or a date).',
  },
  bad_month: {
    fr: 'Mois illisible « {value} » dans « {column} » (attendu : 2026-03, 03/2026 ou une date du mois).',
    en: 'Unreadable month "{value}" in "{column}" (expected: 2026-03, 03/2026 or a date in the month).',
  },
  out_of_range: {
    fr: 'Valeur « {value} » hors limites dans « {column} » (attendu : {range}).',
    en: 'Value "{value}" out of range in "{column}" (expected: {range}).',
  },
  unknown_member: {
    fr: 'Membre « {value} » introuvable dans l’onglet des membres.',
    en: 'Member "{value}" not found in the members tab.',
  },
  ambiguous_member: {
    fr: 'Le nom « {value} » correspond à plusieurs membres : utilisez l’ID membre ou l’e-mail.',
    en: 'The name "{value}" matches several members: use the member ID or email.',
  },
  unknown_event: {
    fr: 'Événement « {value} » introuvable dans l’onglet des événements : la ligne est ignorée.',
    en: 'Event "{value}" not found in the events tab: the row is left out.',
  },
  duplicate_id: {
    fr: 'Identifiant « {value} » en double : seule la première ligne est retenue.',
    en: 'Duplicate ID "{value}": only the first row is kept.',
  },
  duplicate_email: {
    fr: 'E-mail « {value} » en double : il reste attaché à la première ligne.',
    en: 'Duplicate email "{value}": it stays with the first row.',
  },
  duplicate_row: {
    fr: 'Ligne en double (même événement, même personne) : elle n’est comptée qu’une fois.',
    en: 'Duplicate row (same event, same person): it is counted once.',
  },
  duplicate_column: {
    fr: 'Colonne « {column} » en double : seule la première est lue.',
    en: 'Duplicate column "{column}": only the first one is read.',
  },
  unknown_header: {
    fr: 'En-tête « {value} » non reconnu : vouliez-vous dire « {suggestion} » ? La colonne est ignorée.',
    en: 'Header "{value}" not recognised: did you mean "{suggestion}"? The column is ignored.',
  },
  duplicate_tab: {
    fr: 'Onglet « {value} » en double avec « {other} » : seul « {other} » (le plus à gauche) est lu.',
    en: 'Tab "{value}" duplicates "{other}": only "{other}" (the leftmost) is read.',
  },
  missing_left_on: {
    fr: 'Membre marqué ancien sans date de départ : il est compté comme inactif.',
    en: 'Member marked as former without a leaving date: counted as not active.',
  },
  paid_without_date: {
    fr: 'Cotisation payée sans date de paiement : comptée pour le renouvellement, pas dans les montants encaissés.',
    en: 'Dues paid without a payment date: counted for renewal, not in dues collected.',
  },
  duplicate_answer: {
    fr: 'Réponse antérieure de « {value} » à l’enquête {survey} : seule la plus récente (ligne {latest}) est comptée.',
    en: 'Earlier answer of "{value}" to survey {survey}: only the latest one (row {latest}) is counted.',
  },
  decisive_over_made: {
    fr: '{value} contacts dans « {column} », plus que les {made} de « {madeColumn} » : la valeur est ignorée, le reste de la réponse compte.',
    en: '{value} contacts in "{column}", more than the {made} in "{madeColumn}": the value is left out, the rest of the answer counts.',
  },
  missing_tab: {
    fr: 'Onglet « {value} » absent : ces indicateurs restent sans données : {kpis}. Créez-le avec « Créer les onglets de suivi ».',
    en: 'Tab "{value}" is missing: these KPIs have no data: {kpis}. Create it with "Set up tracking tabs".',
  },
  bad_setting: {
    fr: 'Paramètre « {value} » invalide : {reason}',
    en: 'Invalid setting "{value}": {reason}',
  },
};

export interface IssueInput {
  tab: string;
  row: number | null;
  column: string | null;
  value: string;
  code: IssueCode;
  /** Extra placeholders: suggestion, choices, range, other, reason, survey, latest, made, madeColumn, kpis. */
  extra?: Record<string, string | number>;
}

/** Collects issues in the workbook's language. */
export class IssueLog {
  readonly issues: DataIssue[] = [];
  constructor(readonly lang: Lang) {}

  add(input: IssueInput): void {
    const template = MESSAGES[input.code][this.lang];
    const message = fill(template, {
      column: input.column ?? '',
      value: input.value,
      dateHint: 'dd/mm/yyyy',
      ...input.extra,
    });
    this.issues.push({
      tab: input.tab,
      row: input.row,
      column: input.column,
      value: input.value,
      code: input.code,
      message,
    });
  }

  /** Issues ordered by tab (in `tabOrder`), then row (whole-tab issues first), then column. */
  sorted(tabOrder: string[]): DataIssue[] {
    const rank = (tab: string): number => {
      const i = tabOrder.indexOf(tab);
      return i < 0 ? tabOrder.length : i;
    };
    return this.issues
      .map((issue, index) => ({ issue, index }))
      .sort(
        (a, b) =>
          rank(a.issue.tab) - rank(b.issue.tab) ||
          a.issue.tab.localeCompare(b.issue.tab) ||
          (a.issue.row ?? 0) - (b.issue.row ?? 0) ||
          a.index - b.index,
      )
      .map((x) => x.issue);
  }
}
