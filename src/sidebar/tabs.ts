/**
 * The panel switcher (WAI-ARIA tabs): one tab in the Tab order (roving tabindex), arrows, Home and
 * End move between tabs and show their panel at once, click too.
 */
import { byId, showAlert } from './ui';

export type PanelName = 'kpis' | 'import' | 'surveys';
const PANELS: PanelName[] = ['kpis', 'import', 'surveys'];

let current: PanelName = 'kpis';

export function selectPanel(name: PanelName, focus = false): void {
  const changed = name !== current;
  current = name;
  for (const panel of PANELS) {
    const tab = byId<HTMLButtonElement>(`tab-${panel}`);
    const selected = panel === name;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    byId(`panel-${panel}`).hidden = !selected;
    if (selected && focus) tab.focus();
  }
  // An alert belongs to the panel it came from.
  if (changed) showAlert('');
}

export function initTabs(onShow: (panel: PanelName) => void): void {
  const show = (name: PanelName, focus = false) => {
    const changed = name !== current;
    selectPanel(name, focus);
    if (changed) onShow(name);
  };
  for (const panel of PANELS) byId(`tab-${panel}`).addEventListener('click', () => show(panel));
  byId('tab-kpis').parentElement!.addEventListener('keydown', (event) => {
    const at = PANELS.indexOf(current);
    const next =
      event.key === 'ArrowRight'
        ? PANELS[(at + 1) % PANELS.length]
        : event.key === 'ArrowLeft'
          ? PANELS[(at + PANELS.length - 1) % PANELS.length]
          : event.key === 'Home'
            ? PANELS[0]
            : event.key === 'End'
              ? PANELS[PANELS.length - 1]
              : null;
    if (!next) return;
    event.preventDefault();
    show(next, true);
  });
}
