/**
 * `club-pulse report` (issue 19): the members' edition (`--members report.html`), the funders' edition
 * (`--funders f.html`) and a PDF of the members' edition (`--pdf report.pdf`, printed by Chromium
 * through playwright-core, A4 portrait as the page's `@page` asks), on the period of the last refresh
 * or `--period`. The pages come from the add-on bundle (`editionHtml`), exactly what the print dialog
 * in Sheets shows. The workbook is only read.
 */

import { existsSync, writeFileSync } from 'node:fs';
import type { EditionKind } from '../core/api';
import { openWorkbook, todayOf, withWorkbookLock } from './session';

export interface ReportOptions {
  members?: string;
  funders?: string;
  pdf?: string;
  period?: string;
  today?: string;
}

/** Where Chromium is looked for: CLUB_PULSE_CHROMIUM, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.CLUB_PULSE_CHROMIUM || '/usr/bin/chromium';
}

export class ReportError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

const SAY = {
  noOutput: {
    fr: 'Indiquez au moins une sortie : --members report.html, --funders f.html, --pdf report.pdf ou --send-members.',
    en: 'Give at least one output: --members report.html, --funders f.html, --pdf report.pdf or --send-members.',
  },
  noChromium: {
    fr: "Chromium est introuvable ({path}) : le PDF n'a pas été écrit. Installez-le (apt-get install chromium) ou indiquez son chemin dans CLUB_PULSE_CHROMIUM, ou ouvrez l'édition HTML (--members) dans un navigateur et imprimez-la en PDF.",
    en: 'Chromium was not found ({path}): the PDF was not written. Install it (apt-get install chromium) or give its path in CLUB_PULSE_CHROMIUM, or open the HTML edition (--members) in a browser and print it to PDF.',
  },
  written: { fr: '{title} ({period}) écrite dans {file}', en: '{title} ({period}) written to {file}' },
};

/** Prints an HTML page to an A4 PDF with Chromium; the page's @page rule sets size and margins. */
export async function htmlToPdf(html: string, out: string, executablePath = chromiumPath()): Promise<void> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    // The page loads nothing from the network; setContent waits for its own parsing only.
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: out, preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
}

export async function report(
  file: string,
  options: ReportOptions,
  out: (line: string) => void,
): Promise<void> {
  const wanted: Array<{ kind: EditionKind; path: string; pdf: boolean }> = [];
  if (options.members) wanted.push({ kind: 'members', path: options.members, pdf: false });
  if (options.funders) wanted.push({ kind: 'funders', path: options.funders, pdf: false });
  if (options.pdf) wanted.push({ kind: 'members', path: options.pdf, pdf: true });
  await withWorkbookLock(file, async () => {
    const session = await openWorkbook(file, undefined, { today: options.today });
    const lang = session.model.meta.locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
    if (wanted.length === 0) throw new ReportError(SAY.noOutput[lang], 2);
    const today = options.today ?? todayOf(session.model);
    for (const w of wanted) {
      const result = session.bundle.api.editionHtml({ kind: w.kind, period: options.period ?? '', today });
      if (!result.ok) throw new ReportError(result.message, 2);
      if (w.pdf) {
        const path = chromiumPath();
        if (!existsSync(path)) throw new ReportError(SAY.noChromium[lang].replace('{path}', path), 2);
        await htmlToPdf(result.html, w.path, path);
      } else {
        writeFileSync(w.path, result.html);
      }
      out(
        SAY.written[lang]
          .replace('{title}', result.title)
          .replace('{period}', result.period)
          .replace('{file}', w.path),
      );
    }
  });
}
