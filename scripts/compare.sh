#!/usr/bin/env bash
# Two builds of lede side by side: runs `analyze -jJOBS -f jsonl CORPUS`
# with each binary in turn, ROUNDS times, and prints each one's fastest
# and median wall time. Alternating spreads the machine's drift over both.
# The same binary twice measures the noise. Needs bash 5 ($EPOCHREALTIME).
#
#   scripts/compare.sh OLD_BINARY NEW_BINARY [CORPUS=../shared/corpora/bbc] [ROUNDS=21] [JOBS=1]
#
# To build an older commit beside the working tree:
#   git worktree add /tmp/lede-old <commit> && cargo build --release --manifest-path /tmp/lede-old/Cargo.toml
#   scripts/compare.sh /tmp/lede-old/target/release/lede target/release/lede
set -euo pipefail
export LC_ALL=C # a decimal point in $EPOCHREALTIME, whatever the locale
BINS=("$1" "$2")
CORPUS=${3:-../shared/corpora/bbc}
ROUNDS=${4:-21}
JOBS=${5:-1}
TIMES=("" "")
for _ in $(seq "$ROUNDS"); do
  for i in 0 1; do
    t0=$EPOCHREALTIME
    "${BINS[$i]}" analyze -j"$JOBS" -f jsonl "$CORPUS" >/dev/null
    t1=$EPOCHREALTIME
    TIMES[i]+="$(awk "BEGIN{print ($t1 - $t0) * 1000}") "
  done
done
echo "corpus $CORPUS, -j$JOBS, $ROUNDS alternating rounds, load: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in 0 1; do
  printf '%s\n' ${TIMES[i]} | sort -g | awk -v b="${BINS[$i]}" '{t[NR]=$1} END{printf "%s: wall min %.1f ms, median %.1f ms\n", b, t[1], (NR%2 ? t[(NR+1)/2] : (t[NR/2]+t[NR/2+1])/2)}'
done
