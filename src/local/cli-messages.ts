/**
 * What the `club-pulse` command prints, in the workbook's language (French first, English in an
 * English workbook). Line numbers are the file's own (the header is line 1), the same convention as
 * the sheet's row numbers of data issues and of the sidebar's import preview.
 */

type Lang = 'fr' | 'en';

const M = {
  initDone: { fr: '{file} : {count} onglets de suivi{demo}.', en: '{file}: {count} tracking tabs{demo}.' },
  initDemo: { fr: ', remplis avec le club de démonstration', en: ', filled with the demo club' },
  saved: { fr: 'Enregistré : {file}.', en: 'Saved {file}.' },
  newAnonymousForm: {
    fr: '  (club-pulse survey … --new-anonymous-form crée un nouveau formulaire anonyme.)',
    en: '  (club-pulse survey … --new-anonymous-form makes a new anonymous form.)',
  },
  skippedLine: { fr: '  - ligne {line} : {reason}', en: '  - line {line}: {reason}' },
  moreSkipped: { fr: '  … et {count} ligne(s) ignorée(s) de plus', en: '  … {count} more skipped line(s)' },
  columnsGiven: { fr: '  Colonnes (telles que données) :', en: '  Columns (as given):' },
  columnsProposed: {
    fr: '  Colonnes (proposées : corrigez avec --map "Question=champ") :',
    en: '  Columns (proposed: correct with --map "Question=field"):',
  },
  ignored: { fr: '(ignorée)', en: '(ignored)' },
  dryRun: { fr: 'Aperçu : rien n’a été écrit.', en: 'Dry run: nothing written.' },
  surveyCreated: { fr: '{id} créée : {url}', en: '{id} created: {url}' },
  surveyExisted: { fr: '{id} existait déjà : {url}', en: '{id} already existed: {url}' },
  answersTab: { fr: 'Les réponses arrivent dans l’onglet « {tab} ».', en: 'Answers go to the tab "{tab}".' },
  answered: {
    fr: '{id} : {submitted} réponse(s) envoyée(s) ; refusées : {refused}.',
    en: '{id}: {submitted} answer(s) submitted; refused: {refused}.',
  },
  refusedInvalid: {
    fr: '  - ligne {line} : réponse refusée par le formulaire à la question « {question} »',
    en: '  - line {line}: the form refuses the answer to the question "{question}"',
  },
  refusedRequired: {
    fr: '  - ligne {line} : la question « {question} » est obligatoire et sans réponse',
    en: '  - line {line}: the question "{question}" is required and has no answer',
  },
  refusedOther: { fr: '  - ligne {line} : {message}', en: '  - line {line}: {message}' },
  unknownColumns: {
    fr: '  ! colonnes ignorées (le formulaire n’a pas ces questions) : {columns}',
    en: '  ! columns ignored (the form has no such questions): {columns}',
  },
  refreshTitle: {
    fr: 'Club Pulse — {period} (comparé à {previous})',
    en: 'Club Pulse — {period} (vs {previous})',
  },
  issues: {
    fr: '{count} problème(s) de données (onglet, ligne, colonne et motif sur le tableau de bord).',
    en: '{count} data issue(s) (tab, row, column and reason on the dashboard).',
  },
} satisfies Record<string, Record<Lang, string>>;

export type CliMessage = keyof typeof M;

/** The line `key` in `lang`, placeholders filled; `(s)` plurals follow `count` when given. */
export function cliSay(lang: Lang, key: CliMessage, values: Record<string, string | number> = {}): string {
  const text = M[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
  const count = values.count ?? values.submitted;
  return typeof count === 'number' ? text.replace(/\((e?s)\)/g, count > 1 ? '$1' : '') : text;
}

/** The CLI's language: the workbook's locale (fr_FR, en_GB…); French unless it is English. */
export function langOfWorkbook(locale: string): Lang {
  return locale.toLowerCase().startsWith('en') ? 'en' : 'fr';
}
