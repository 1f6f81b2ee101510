// Biome formats Markdown too (aligned tables): a results file is written as `biome check` wants it.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export function formatMarkdown(root: string, file: string): void {
  try {
    execFileSync(join(root, 'node_modules/.bin/biome'), ['format', '--write', file], { stdio: 'ignore' });
  } catch {
    // an unformatted file is still the result
  }
}
