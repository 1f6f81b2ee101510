// `npm run bench` (after `node build.mjs`): bundles bench/main.ts and bench/measure.ts with esbuild
// into dist/bench/ (packages stay external), then runs the driver with the command-line arguments.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

await esbuild.build({
  entryPoints: { main: join(root, 'bench/main.ts'), measure: join(root, 'bench/measure.ts') },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  outdir: join(root, 'dist/bench'),
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});

const { main } = await import(pathToFileURL(join(root, 'dist/bench/main.mjs')).href);
try {
  await main(process.argv.slice(2), root);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
