/** `club-pulse network snapshot|rollup`: anonymous network snapshots and peer benchmarks (issue 22). */

import type { Command } from 'commander';
import type { Lang } from '../../core/i18n';
import type { RollupOptions } from '../network';
import { CliError, type CliIo, checkToday, checkWorkbookFile, todayOption } from './shared';

const fail = (message: string, code: 1 | 2 | 3) => new CliError(message, code);

export function register(program: Command, io: CliIo): void {
  const network = program.command('network').description('anonymous network snapshots and peer benchmarks');
  network
    .command('snapshot')
    .description('write the anonymous snapshot of a period (no names, e-mails or rows)')
    .argument('<file>', 'the .xlsx workbook (keeps its random club id in the document properties)')
    .requiredOption('--out <file>', 'the snapshot to write, e.g. club.snapshot.json')
    .option('--period <label>', 'period (default: the last completed semester)')
    .addOption(todayOption())
    .action(async (file: string, options: { out: string; period?: string; today?: string }) => {
      checkWorkbookFile(file);
      const { networkSnapshot } = await import('../network');
      await networkSnapshot(file, { ...options, today: checkToday(options.today) }, io, fail);
    });
  network
    .command('rollup')
    .description('roll snapshots up into a summary workbook and benchmarks.csv beside it')
    .argument('<snapshots...>', 'folders of .json snapshots (or .jsonl, one per line), or snapshot files')
    .requiredOption('--out <file>', 'the summary workbook, e.g. network.xlsx')
    .option('--network <id>', 'keep only snapshots of this network_id')
    .option('--currency <code>', 'keep money KPIs in this currency only', 'EUR')
    .option('--lang <lang>', 'language of the summary and messages (fr, en)', 'fr')
    .action(async (inputs: string[], options: RollupOptions & { lang: string }) => {
      const { rollupSnapshots } = await import('../network');
      const lang: Lang = options.lang === 'en' ? 'en' : 'fr';
      await rollupSnapshots(inputs, { ...options, lang }, io, fail);
    });
}
