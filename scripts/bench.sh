#!/usr/bin/env bash
# End-to-end throughput and peak memory of the real binary.
#
#   scripts/bench.sh [CORPUS=../shared/corpora/bbc] [JOBS=1]
#   PROFILE=<cargo profile> scripts/bench.sh ...   (default release)
#
# Prints wall seconds, MB/s of input, peak RSS (from /usr/bin/time -v) and
# the time until the first output line appears (streaming check).
CORPUS=${1:-../shared/corpora/bbc}
JOBS=${2:-1}
source "$(dirname "$0")/common.sh"
LOG=$(mktemp)
START=$(date +%s.%N)
/usr/bin/time -v "$LEDE" analyze "$CORPUS" -j"$JOBS" -f jsonl 2>"$LOG" \
  | { IFS= read -r _ && echo "first output line after $(awk "BEGIN{print $(date +%s.%N)-$START}") s"; cat >/dev/null; }
WALL=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$LOG")
RSS=$(awk -F': ' '/Maximum resident set size/{print $2}' "$LOG")
echo "corpus $CORPUS: $BYTES bytes, profile $PROFILE, -j$JOBS"
awk "BEGIN{printf \"wall %.2f s, %.2f MB/s, peak RSS %.1f MB\n\", $WALL, $BYTES/1e6/$WALL, $RSS/1024}"
rm -f "$LOG"
