#!/usr/bin/env bash
# Every test of Arbiter: lint, typecheck, build (api, worker and web UI), unit, end-to-end, the
# SDKs (TypeScript build; Python pytest against the running stack) and browser (the built UI in
# Debian's Chromium). Needs PostgreSQL and Redis on 127.0.0.1 (see
# README). Last line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=use-node.sh
source scripts/use-node.sh # every step below runs on Node 24
out=.test-results
rm -rf "$out" && mkdir -p "$out"
passed=0
failed=0

step() { # a check that is one test: passes or fails as a whole
  local name=$1; shift
  echo "── $name: $*"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "✗ $name failed"; fi
}

jest_suite() { # a jest run: every test counts
  local name=$1; shift
  echo "── $name"
  npx jest "$@" --json --outputFile="$out/$name.json" 2>&1 | grep -v '^\s*$' | tail -n 400
  if [ -s "$out/$name.json" ]; then
    read -r p f < <(node -e "const r=require('./$out/$name.json');console.log(r.numPassedTests, r.numFailedTests + r.numRuntimeErrorTestSuites)")
    passed=$((passed + p)); failed=$((failed + f))
    echo "$name: $p passed, $f failed"
  else
    failed=$((failed + 1)); echo "✗ $name produced no results"
  fi
}

pytest_suite() { # a pytest run: every test counts (JUnit XML)
  local name=$1; shift
  echo "── $name"
  "$python" -m pytest "$@" -q -p no:cacheprovider --junitxml="$out/$name.xml" 2>&1 | tail -n 60
  if [ -s "$out/$name.xml" ]; then
    read -r p f < <("$python" -c "import sys, xml.etree.ElementTree as E
r = E.parse(sys.argv[1]).getroot(); s = r if r.tag == 'testsuite' else r[0]
n = lambda k: int(s.get(k, 0)); print(n('tests') - n('failures') - n('errors') - n('skipped'), n('failures') + n('errors'))" "$out/$name.xml")
    passed=$((passed + p)); failed=$((failed + f))
    echo "$name: $p passed, $f failed"
  else
    failed=$((failed + 1)); echo "✗ $name produced no results"
  fi
}
# The Python SDK's tests run on Debian's Python, where .ci/run installs httpx, pydantic and pytest.
python=${ARBITER_PYTHON:-/usr/bin/python3}

step lint npm run -s lint
step typecheck npm run -s typecheck
step build npm run -s build
jest_suite unit --config jest.config.js
jest_suite e2e --config jest.e2e.config.js --forceExit
# Five faults under load on stores of the suite's own (short run, ~3 min; `npm run test:chaos:long` locally).
ARBITER_CHAOS_SECONDS=10 jest_suite chaos --config jest.chaos.config.js --forceExit
step client-build npm run -s build:client
pytest_suite python-sdk clients/python/tests
# The Prometheus alert rules: valid, and each alert fires on its unit-test series (Debian's promtool,
# installed by .ci/run; apt-get install prometheus elsewhere).
step prometheus-rules bash -c 'cd ops/prometheus && promtool check rules alerts.yml && promtool test rules alerts.test.yml'
jest_suite browser --config jest.browser.config.js --forceExit
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
