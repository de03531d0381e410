#!/usr/bin/env bash
# Two builds of lede side by side: runs `analyze -jJOBS -f jsonl CORPUS`
# with each binary in turn, ROUNDS times, and prints each one's fastest
# and median wall time. Alternating spreads the machine's drift over both.
#
#   scripts/compare.sh OLD_BINARY NEW_BINARY [CORPUS=../shared/corpora/bbc] [ROUNDS=21] [JOBS=1]
#
# To build an older commit beside the working tree:
#   git worktree add /tmp/lede-old <commit> && cargo build --release --manifest-path /tmp/lede-old/Cargo.toml
#   scripts/compare.sh /tmp/lede-old/target/release/lede target/release/lede
set -euo pipefail
OLD=$1
NEW=$2
CORPUS=${3:-../shared/corpora/bbc}
ROUNDS=${4:-21}
JOBS=${5:-1}
declare -A TIMES
for _ in $(seq "$ROUNDS"); do
  for bin in "$OLD" "$NEW"; do
    t0=$EPOCHREALTIME
    "$bin" analyze -j"$JOBS" -f jsonl "$CORPUS" >/dev/null
    t1=$EPOCHREALTIME
    TIMES[$bin]+="$(awk "BEGIN{print ($t1 - $t0) * 1000}") "
  done
done
echo "corpus $CORPUS, -j$JOBS, $ROUNDS alternating rounds, load: $(cut -d' ' -f1-3 /proc/loadavg)"
for bin in "$OLD" "$NEW"; do
  printf '%s\n' ${TIMES[$bin]} | sort -g | awk -v b="$bin" '{t[NR]=$1} END{printf "%s: wall min %.1f ms, median %.1f ms\n", b, t[1], (NR%2 ? t[(NR+1)/2] : (t[NR/2]+t[NR/2+1])/2)}'
done
