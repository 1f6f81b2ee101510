#!/usr/bin/env bash
# Mutation run over one source file (or glob) while working, niced, its JSON kept under
# reports/mutation/runs/<name>.json (one run at a time: Stryker writes reports/mutation/mutation.json) for scripts/mutation-summary.mjs to merge.
# Usage: [NAME=run-name] scripts/mutate-file.sh src/core/kpis/satisfaction.ts [test globs, comma-separated]
set -euo pipefail
file="$1"
name="${NAME:-$(basename "$file" .ts)}"
export MUTATION_TESTS="${2:-}"
nice -n 10 npx stryker run --mutate "$file" --concurrency "${CONCURRENCY:-2}" \
  --incrementalFile "reports/mutation/runs/$name.incremental.json"
cp reports/mutation/mutation.json "reports/mutation/runs/$name.json"
node scripts/mutation-summary.mjs "reports/mutation/runs/$name.json"
