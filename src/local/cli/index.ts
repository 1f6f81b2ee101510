/**
 * The `club-pulse` command line (SPEC §11): runs the very add-on bundle (dist/Code.js) on an .xlsx
 * workbook through the local Apps Script runtime. `init` makes a workbook with the tracking tabs
 * (optionally the demo club), `refresh` computes the KPIs and writes the Dashboard tab, with
 * `--json` and `--html` outputs. Exit codes: 0 done (data issues included), 1 internal error,
 * 2 bad arguments / bad period / unreadable file, 3 the workbook is busy.
 *
 * One module per command, each exporting `register(program, io)`; what they share (the `--today`
 * option, the exit-code error, a command's hold on a workbook) is in `shared.ts`. A command loads
 * its heavy modules (the xlsx io, the bundle, the chart renderer, the demo club) with `import()` in
 * its action, so that `--help` and argument errors load none of them (the build splits them into
 * chunks of their own).
 */

import { Command, CommanderError } from 'commander';
import { WorkbookBusyError, WorkbookFileError } from '../errors';
import * as answer from './answer';
import * as automation from './automation';
import * as dev from './dev';
import * as doctor from './doctor';
import * as importCommand from './import';
import * as init from './init';
import * as member from './member';
import * as network from './network';
import * as refresh from './refresh';
import * as report from './report';
import { CliError, type CliIo } from './shared';
import * as survey from './survey';

export { CliError, type CliIo } from './shared';

/** The commands, in the order of `--help`. */
const COMMANDS: Array<{ register: (program: Command, io: CliIo) => void }> = [
  init,
  doctor,
  refresh,
  importCommand,
  survey,
  answer,
  report,
  network,
  automation,
  member,
  dev,
];

export function buildProgram(io: CliIo): Command {
  const program = new Command();
  program
    .name('club-pulse')
    .description('Club Pulse on a local .xlsx workbook: the add-on bundle in a local Apps Script runtime.')
    .option('--verbose', 'print details of internal errors')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  for (const command of COMMANDS) command.register(program, io);
  return program;
}

/** The exit code of a failure, its message printed. */
function failure(error: unknown, io: CliIo, verbose: boolean): number {
  if (error instanceof CommanderError) {
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.exitCode === 0
    )
      return 0;
    return 2;
  }
  if (error instanceof CliError) {
    io.err(error.message);
    return error.exitCode;
  }
  if (error instanceof WorkbookBusyError) {
    io.err(error.message);
    return 3;
  }
  if (error instanceof WorkbookFileError) {
    io.err(error.message);
    return 2;
  }
  const e = error as Error;
  io.err(`Internal error: ${e?.message ?? String(error)}${verbose ? '' : ' (add --verbose for details)'}`);
  if (verbose && e?.stack) io.err(e.stack);
  return 1;
}

/** Runs the CLI; returns the exit code. */
export async function main(
  argv: string[],
  io: CliIo = { out: console.log, err: console.error },
): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    return failure(error, io, argv.includes('--verbose'));
  }
}

if (process.argv[1] && /cli(\/index)?\.(mjs|ts)$/.test(process.argv[1])) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
