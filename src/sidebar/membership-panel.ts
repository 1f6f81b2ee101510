/**
 * « Formulaire d'adhésion » / Membership form (issue 17), in the Surveys panel: one button creates
 * the form (or finds the one made before), then its public link is shown to copy, with the
 * server's warning when the answer trigger could not be installed. Text only, never HTML.
 */
import { server } from './server';
import { copyLink } from './survey-panel';
import { ask, byId, t } from './ui';

let busy = false;

async function create(): Promise<void> {
  if (busy) return;
  busy = true;
  const button = byId<HTMLButtonElement>('membership-create');
  button.disabled = true;
  byId('membership-outcome').textContent = t('creating');
  const result = await ask(() => server.createMembershipForm());
  byId('membership-outcome').textContent = '';
  if (result?.ok) {
    byId('membership-note').textContent = [
      t(result.created ? 'membershipCreated' : 'membershipReused'),
      result.warning ?? '',
    ]
      .filter(Boolean)
      .join(' ');
    byId<HTMLInputElement>('membership-url').value = result.publicUrl;
    byId('membership-link').hidden = false;
  }
  busy = false;
  button.disabled = false;
}

export function initMembershipPanel(): void {
  byId('membership-create').addEventListener('click', () => void create());
  byId('membership-copy').addEventListener(
    'click',
    () => void copyLink('membership-url', 'membership-outcome'),
  );
}
