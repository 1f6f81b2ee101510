/**
 * `club-pulse member export|erase|statement` (issue 20): a member's data on a local workbook, and
 * their statement, through the add-on bundle's own endpoints (exportMemberDataOf, eraseMember,
 * memberStatementOf) as the sidebar calls them.
 * Erasing asks for a confirmation on a terminal; without one (a script, a pipe) it refuses unless
 * `--yes` is given.
 */

import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { CliError, type CliIo } from './cli/shared';
import { langOfWorkbook } from './cli-messages';
import { openWorkbook, withWorkbookLock } from './session';

type Lang = 'fr' | 'en';

export interface MemberIo extends CliIo {
  /** True when a person can answer a question (default: stdin and stdout are terminals). */
  interactive?: () => boolean;
  /** Asks a question and returns the answer (default: readline on the terminal). */
  ask?: (question: string) => Promise<string>;
}

const M = {
  exported: {
    fr: '{id} : {rows} ligne(s) dans {tabs} onglet(s) → {file}.',
    en: '{id}: {rows} row(s) in {tabs} tab(s) → {file}.',
  },
  question: {
    fr: 'Effacer les données personnelles de {id}{name} ({cells} cellule(s)) ? Action définitive. [o/N] ',
    en: 'Erase the personal data of {id}{name} ({cells} cell(s))? This cannot be undone. [y/N] ',
  },
  refused: {
    fr: 'Effacement non confirmé : rien n’a été écrit. Sans terminal, ajoutez --yes pour confirmer.',
    en: 'Erasure not confirmed: nothing written. Without a terminal, add --yes to confirm.',
  },
  cancelled: { fr: 'Annulé : rien n’a été écrit.', en: 'Cancelled: nothing written.' },
  already: { fr: '{id} est déjà effacé : rien à changer.', en: '{id} is already erased: nothing to change.' },
  erased: {
    fr: 'Données de {id} effacées ({cells} cellule(s)){pseudonym}.',
    en: 'Data of {id} erased ({cells} cell(s)){pseudonym}.',
  },
  pseudonym: { fr: ' ; désormais désigné par {p}', en: '; now referred to as {p}' },
  statement: { fr: 'Bilan de {id} ({period}) → {file}.', en: 'Statement of {id} ({period}) → {file}.' },
  notes: { fr: 'Notes de cellule modifiées : {n}.', en: 'Cell notes changed: {n}.' },
  formulas: {
    fr: 'Formules qui le citaient, remplacées par leur valeur : {cells}.',
    en: 'Formulas quoting them, replaced by their value: {cells}.',
  },
};

const say = (lang: Lang, key: keyof typeof M, values: Record<string, string | number>): string =>
  M[key][lang].replace(/\{(\w+)\}/g, (_m, k: string) => String(values[k] ?? ''));

export interface MemberOptions {
  member: string;
  out?: string;
  yes?: boolean;
  today?: string;
  period?: string;
}

export async function exportMember(file: string, options: MemberOptions, io: MemberIo): Promise<void> {
  await withWorkbookLock(file, async () => {
    const session = await openWorkbook(file, undefined, { today: options.today });
    const result = session.bundle.api.exportMemberDataOf(options.member);
    if (!result.ok) throw new CliError(result.message, 2);
    const json = `${JSON.stringify(result.data, null, 2)}\n`;
    if (!options.out) {
      io.out(json.trimEnd());
      return;
    }
    writeFileSync(options.out, json);
    const rows = result.data.tabs.reduce((n, t) => n + t.rows.length, 0);
    const lang = langOfWorkbook(session.model.meta.locale);
    io.out(
      say(lang, 'exported', {
        id: result.data.member.id,
        rows,
        tabs: result.data.tabs.length,
        file: options.out,
      }),
    );
  });
}

export function defaultAsk(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  return rl.question(question).finally(() => rl.close());
}

export async function eraseMember(file: string, options: MemberOptions, io: MemberIo): Promise<void> {
  await withWorkbookLock(file, async () => {
    const session = await openWorkbook(file, undefined, { today: options.today });
    const lang = langOfWorkbook(session.model.meta.locale);
    const api = session.bundle.api;
    const preview = api.eraseMember({ member: options.member, preview: true });
    if (!preview.ok) throw new CliError(preview.message, preview.code === 'busy' ? 3 : 2);
    if (preview.already) {
      io.out(say(lang, 'already', { id: preview.memberId }));
      return;
    }
    if (!options.yes) {
      const interactive = io.interactive ?? (() => Boolean(process.stdin.isTTY && process.stdout.isTTY));
      if (!interactive()) throw new CliError(say(lang, 'refused', {}), 2);
      const found = api.exportMemberDataOf(options.member);
      const name = found.ok ? `${found.data.member.firstName} ${found.data.member.lastName}`.trim() : '';
      const answer = await (io.ask ?? defaultAsk)(
        say(lang, 'question', { id: preview.memberId, name: name ? ` (${name})` : '', cells: preview.cells }),
      );
      if (!/^\s*(o|oui|y|yes)\s*$/i.test(answer)) {
        io.out(say(lang, 'cancelled', {}));
        return;
      }
    }
    const done = api.eraseMember({ member: options.member, confirm: preview.memberId });
    if (!done.ok) throw new CliError(done.message, done.code === 'busy' ? 3 : 2);
    const pseudonym =
      done.replacement !== done.memberId ? say(lang, 'pseudonym', { p: done.replacement }) : '';
    io.out(say(lang, 'erased', { id: done.memberId, cells: done.cells, pseudonym }));
    if (done.notes > 0) io.out(say(lang, 'notes', { n: done.notes }));
    if (done.formulas.length > 0) io.out(say(lang, 'formulas', { cells: done.formulas.join(', ') }));
    io.out(`${lang === 'fr' ? 'Enregistré : ' : 'Saved '}${await session.save()}.`);
  });
}

/**
 * `club-pulse member statement` (issue 20): one member's statement as the printable page the
 * sidebar shows (memberStatementOf), written to `--out` or printed.
 */
export async function memberStatement(file: string, options: MemberOptions, io: MemberIo): Promise<void> {
  await withWorkbookLock(file, async () => {
    const session = await openWorkbook(file, undefined, { today: options.today });
    const result = session.bundle.api.memberStatementOf({ member: options.member, period: options.period });
    if (!result.ok) throw new CliError(result.message, 2);
    if (!options.out) {
      io.out(result.html);
      return;
    }
    writeFileSync(options.out, result.html);
    const lang = langOfWorkbook(session.model.meta.locale);
    io.out(say(lang, 'statement', { id: result.memberId, period: result.period, file: options.out }));
  });
}
