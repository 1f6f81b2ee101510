/**
 * « Envoyer l’édition aux membres » (issue 19): a first click asks the server for the preview (the
 * e-mail opens in a dialog; the counts come back here), the e-mail goes only after « Confirmer
 * l’envoi », carrying the preview's token: the server refuses a stale one, and the token is used
 * once here, so a second click never sends twice. Text only, never HTML.
 */
import { server } from './server';
import { ask, byId, t } from './ui';

let token: string | null = null;

function setBusy(busy: boolean): void {
  for (const id of ['mail-edition', 'mail-send', 'mail-cancel']) byId<HTMLButtonElement>(id).disabled = busy;
}

function hideConfirm(): void {
  token = null;
  byId('mail-confirm').hidden = true;
}

async function preview(): Promise<void> {
  hideConfirm();
  setBusy(true);
  const status = byId('mail-status');
  status.textContent = '';
  try {
    const result = await ask(() => server.mailMembersEdition({ preview: true, dialog: true }));
    if (!result?.ok) return;
    status.textContent = result.message;
    if (result.toSend === 0) return;
    token = result.token;
    byId('mail-question').textContent = t('mailQuestion', { period: result.period, count: result.toSend });
    byId('mail-confirm').hidden = false;
    byId('mail-send').focus();
  } finally {
    setBusy(false);
  }
}

async function send(): Promise<void> {
  const confirmed = token;
  hideConfirm();
  if (!confirmed) return;
  setBusy(true);
  try {
    const result = await ask(() => server.mailMembersEdition({ confirm: confirmed }));
    if (result?.ok) byId('mail-status').textContent = result.message;
  } finally {
    setBusy(false);
  }
}

export function initEditionMailPanel(): void {
  byId('mail-edition').addEventListener('click', () => void preview());
  byId('mail-send').addEventListener('click', () => void send());
  byId('mail-cancel').addEventListener('click', () => {
    hideConfirm();
    byId('mail-status').textContent = '';
  });
}
