/**
 * « Données d’un membre (RGPD) »: export a member's data (the server shows it in a printable
 * dialog; here a JSON download is offered too) and erase it — a first click asks the server what
 * would change, the erasure only runs after « Confirmer l’effacement », repeating the member id the
 * preview gave. Text only, never HTML.
 */
import type { MemberExport } from '../core/api';
import { server } from './server';
import { ask, byId, el, t } from './ui';

let pending: { member: string; memberId: string } | null = null;
let download = '';

function status(text: string): void {
  byId('member-status').textContent = text;
}

function setBusy(busy: boolean): void {
  for (const id of [
    'member-export',
    'member-erase',
    'member-statement',
    'member-erase-confirm',
    'member-cancel',
  ])
    byId<HTMLButtonElement>(id).disabled = busy;
}

function hideConfirm(): void {
  pending = null;
  byId('member-confirm').hidden = true;
}

/** A link to the export as a JSON file (a blob made here: no server URL, no markup from data). */
function offerDownload(data: MemberExport): void {
  const row = byId('member-download');
  if (download) URL.revokeObjectURL(download);
  download = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = el('a', '', t('memberDownload'));
  link.href = download;
  link.download = `${data.member.id.replace(/[^\w.-]+/g, '_')}.json`;
  row.replaceChildren(link);
  row.hidden = false;
}

function memberRef(): string | null {
  const input = byId<HTMLInputElement>('member-ref');
  const ref = input.value.trim();
  if (!ref) input.focus();
  return ref || null;
}

/** Runs one action on the member typed in the box, the buttons off meanwhile. */
async function withMember(work: (member: string) => Promise<void>): Promise<void> {
  const member = memberRef();
  if (!member) return;
  hideConfirm();
  setBusy(true);
  status('');
  try {
    await work(member);
  } finally {
    setBusy(false);
  }
}

function exportMember(): Promise<void> {
  return withMember(async (member) => {
    byId('member-download').hidden = true;
    const result = await ask(() => server.showMemberExport(member));
    if (!result?.ok) return;
    const rows = result.data.tabs.reduce((n, tab) => n + tab.rows.length, 0);
    status(t('memberExported', { id: result.data.member.id, count: rows, tabs: result.data.tabs.length }));
    offerDownload(result.data);
  });
}

/** The member's statement (renewal season, issue 20): the server shows it in a printable dialog. */
function showStatement(): Promise<void> {
  return withMember(async (member) => {
    const result = await ask(() => server.showMemberStatement(member));
    if (result?.ok) status(t('memberStatementShown', { id: result.memberId, period: result.period }));
  });
}

async function previewErase(): Promise<void> {
  const member = memberRef();
  if (!member) return;
  hideConfirm();
  setBusy(true);
  status('');
  try {
    const result = await ask(() => server.eraseMember({ member, preview: true }));
    if (!result?.ok) return;
    if (result.already) {
      status(t('memberAlready', { id: result.memberId }));
      return;
    }
    pending = { member, memberId: result.memberId };
    byId('member-question').textContent = t('memberQuestion', { id: result.memberId, count: result.cells });
    byId('member-confirm').hidden = false;
    byId('member-erase-confirm').focus();
  } finally {
    setBusy(false);
  }
}

async function confirmErase(): Promise<void> {
  if (!pending) return;
  const { member, memberId } = pending;
  hideConfirm();
  setBusy(true);
  try {
    const result = await ask(() => server.eraseMember({ member, confirm: memberId }));
    if (result?.ok) {
      const formulas = result.formulas.length
        ? ` ${t('memberFormulas', { cells: result.formulas.join(', ') })}`
        : '';
      status(t('memberErased', { id: result.replacement, count: result.cells }) + formulas);
    }
  } finally {
    setBusy(false);
  }
}

export function initMemberPanel(): void {
  byId('member-export').addEventListener('click', () => void exportMember());
  byId('member-erase').addEventListener('click', () => void previewErase());
  byId('member-statement').addEventListener('click', () => void showStatement());
  byId('member-erase-confirm').addEventListener('click', () => void confirmErase());
  byId('member-cancel').addEventListener('click', () => {
    hideConfirm();
    status('');
  });
  byId('member-ref').addEventListener('input', hideConfirm);
}
