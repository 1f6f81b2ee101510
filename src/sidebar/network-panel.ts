/**
 * « Exporter l'instantané réseau » (issue 22): asks the server for the club's anonymous snapshot of
 * the chosen period and downloads it as a JSON file built here, in the browser, from the answer — no
 * Drive file, no new OAuth scope. The sidebar's iframe is sandboxed with `allow-downloads`
 * (https://developers.google.com/apps-script/guides/html/restrictions#iframe_mode); the link also
 * stays on the page, so a browser that holds back a scripted download still lets the user click it.
 */

import { server } from './server';
import { ask, byId, el, t } from './ui';

let exporting = false;

export async function exportSnapshot(period: string): Promise<void> {
  if (exporting) return;
  const button = byId<HTMLButtonElement>('network-export');
  const status = byId('network-status');
  exporting = true;
  button.disabled = true;
  status.textContent = t('networkRunning');
  try {
    const result = await ask(() => server.networkSnapshot({ period }));
    if (!result?.ok) {
      status.textContent = '';
      return;
    }
    const blob = new Blob([`${JSON.stringify(result.snapshot, null, 2)}\n`], { type: 'application/json' });
    const link = el('a', '', result.fileName);
    link.href = URL.createObjectURL(blob);
    link.download = result.fileName;
    status.replaceChildren(
      t('networkDone', { period: result.snapshot.period, count: result.snapshot.kpis.length }),
      ' ',
      link,
    );
    link.click();
  } finally {
    exporting = false;
    button.disabled = false;
  }
}
