// `npm run bench` (after `node build.mjs`): bundles bench/main.ts, bench/measure.ts and
// bench/import.ts with esbuild into dist/bench/ (packages stay external), then runs the driver with
// the command-line arguments — or, for `npm run bench:import` (first argument `import`), the import
// benchmark; `npm run bench:network` (first argument `network`) the network roll-up, which
// `npm run bench` also runs last unless `--no-network`.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

await esbuild.build({
  entryPoints: {
    main: join(root, 'bench/main.ts'),
    measure: join(root, 'bench/measure.ts'),
    import: join(root, 'bench/import.ts'),
    'cli-peak': join(root, 'bench/cli-peak.ts'),
    network: join(root, 'bench/network.ts'),
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  outdir: join(root, 'dist/bench'),
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});

const args = process.argv.slice(2);
const entry = args[0] === 'import' || args[0] === 'network' ? args[0] : 'main';
const { main } = await import(pathToFileURL(join(root, `dist/bench/${entry}.mjs`)).href);
try {
  // `npm run bench` ends with the network roll-up (issue 22) unless `--no-network`.
  const noNetwork = entry === 'main' && args.includes('--no-network');
  await main(entry === 'main' ? args.filter((a) => a !== '--no-network') : args.slice(1), root);
  if (entry === 'main' && !noNetwork) {
    const network = await import(pathToFileURL(join(root, 'dist/bench/network.mjs')).href);
    await network.main([], root);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
