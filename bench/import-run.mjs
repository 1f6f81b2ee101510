// `npm run bench:import` (after `node build.mjs`): bundles bench/import.ts with esbuild into
// dist/bench/ (packages stay external), then runs it with the command-line arguments.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

await esbuild.build({
  entryPoints: { import: join(root, 'bench/import.ts') },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  outdir: join(root, 'dist/bench'),
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});

const { main } = await import(pathToFileURL(join(root, 'dist/bench/import.mjs')).href);
try {
  main(process.argv.slice(2), root);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
