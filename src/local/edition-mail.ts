/**
 * `club-pulse report club.xlsx --send-members [--yes]` (issue 19): the members' edition by e-mail,
 * through the add-on bundle's own endpoint (mailMembersEdition) as the sidebar calls it. It prints
 * the preview (subject, who gets it, who is left out, the plain-text body), asks on a terminal and
 * refuses without one unless `--yes` is given, then sends with the preview's token. Locally nothing
 * leaves the machine: the emulated MailApp keeps the e-mails and each one is logged in the Mail log
 * tab (« Journal des envois »), saved with the workbook; a second run sends nothing to whoever has it.
 */

import { CliError } from './cli/shared';
import { langOfWorkbook } from './cli-messages';
import type { MemberIo } from './member';
import { defaultAsk } from './member';
import { openWorkbook, withWorkbookLock } from './session';

type Lang = 'fr' | 'en';

export interface SendMembersOptions {
  period?: string;
  today?: string;
  yes?: boolean;
}

const M = {
  question: {
    fr: 'Envoyer l’édition {period} à {count} membre(s) ? [o/N] ',
    en: 'Send the {period} edition to {count} member(s)? [y/N] ',
  },
  refused: {
    fr: 'Envoi non confirmé : rien n’a été envoyé. Sans terminal, ajoutez --yes pour confirmer.',
    en: 'Sending not confirmed: nothing was sent. Without a terminal, add --yes to confirm.',
  },
  cancelled: { fr: 'Annulé : rien n’a été envoyé.', en: 'Cancelled: nothing was sent.' },
  local: {
    fr: 'En local, aucun e-mail ne part : chaque envoi est consigné dans l’onglet « Journal des envois ».',
    en: 'Locally no e-mail leaves the machine: each one is logged in the "Mail log" tab.',
  },
  saved: { fr: 'Enregistré : {file}.', en: 'Saved {file}.' },
  rule: { fr: '—— Texte de l’e-mail ——', en: '—— Text of the e-mail ——' },
};

const say = (lang: Lang, key: keyof typeof M, values: Record<string, string | number> = {}): string =>
  M[key][lang].replace(/\{(\w+)\}/g, (_m, k: string) => String(values[k] ?? ''));

export async function sendMembersEdition(
  file: string,
  options: SendMembersOptions,
  io: MemberIo,
): Promise<void> {
  await withWorkbookLock(file, async () => {
    const session = await openWorkbook(file, undefined, { today: options.today });
    const lang = langOfWorkbook(session.model.meta.locale);
    const api = session.bundle.api;
    const base = { period: options.period ?? '', today: options.today ?? '' };
    const preview = api.mailMembersEdition({ ...base, preview: true });
    if (!preview.ok) throw new CliError(preview.message, preview.code === 'busy' ? 3 : 2);
    io.out(say(lang, 'rule'));
    io.out(preview.text.trimEnd());
    io.out(say(lang, 'rule'));
    io.out(preview.message);
    if (preview.toSend === 0) return;
    if (!options.yes) {
      const interactive = io.interactive ?? (() => Boolean(process.stdin.isTTY && process.stdout.isTTY));
      if (!interactive()) throw new CliError(say(lang, 'refused'), 2);
      const answer = await (io.ask ?? defaultAsk)(
        say(lang, 'question', { period: preview.period, count: preview.toSend }),
      );
      if (!/^\s*(o|oui|y|yes)\s*$/i.test(answer)) {
        io.out(say(lang, 'cancelled'));
        return;
      }
    }
    const sent = api.mailMembersEdition({ ...base, confirm: preview.token });
    if (!sent.ok) throw new CliError(sent.message, sent.code === 'busy' ? 3 : 2);
    io.out(sent.message);
    io.out(say(lang, 'local'));
    io.out(say(lang, 'saved', { file: await session.save() }));
  });
}
