/** `club-pulse dev`: the sidebar and the workbook in a browser, on localhost. */

import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { init } from './init';
import { CliError, type CliIo, checkToday, todayOption } from './shared';

interface DevOptions {
  port: string;
  today?: string;
}

async function dev(file: string | undefined, options: DevOptions, io: CliIo): Promise<void> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliError(`Invalid --port "${options.port}".`, 2);
  const path = file ?? 'club-pulse-demo.xlsx';
  if (!file && !existsSync(path)) await init(path, { lang: 'fr', demo: true, today: options.today }, io);
  const { startDevServer } = await import('../dev/server');
  const server = await startDevServer(path, port, { today: checkToday(options.today) });
  io.out(`Club Pulse on ${server.url} — workbook ${path} (Ctrl+C to stop).`);
  await new Promise<void>((resolve) => server.server.on('close', () => resolve()));
}

export function register(program: Command, io: CliIo): void {
  program
    .command('dev')
    .description('the sidebar and the workbook in a browser, on localhost')
    .argument('[file]', 'the .xlsx workbook (default: club-pulse-demo.xlsx, made with the demo club)')
    .option('--port <n>', 'port', '8765')
    .addOption(todayOption('today for a new demo workbook, YYYY-MM-DD'))
    .action((file: string | undefined, options: DevOptions) => dev(file, options, io));
}
