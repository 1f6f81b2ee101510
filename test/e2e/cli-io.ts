// Running `club-pulse` in the test process with scripted answers: the output lines, the errors, the
// questions asked, and whether a terminal is there (the commands that ask first: member erase,
// report --send-members).
import { main } from '../../src/local/cli';
import type { MemberIo } from '../../src/local/member';

export async function runCli(args: string[], answers: string[] = [], interactive = false) {
  const lines: string[] = [];
  const errors: string[] = [];
  const asked: string[] = [];
  const io: MemberIo = {
    out: (l) => lines.push(l),
    err: (l) => errors.push(l),
    interactive: () => interactive,
    ask: async (q) => {
      asked.push(q);
      return answers.shift() ?? '';
    },
  };
  const code = await main(args, io);
  return { code, out: lines.join('\n'), err: errors.join('\n'), asked };
}
