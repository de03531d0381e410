#!/usr/bin/env bash
# Side-by-side: the Python stack (spaCy + dateparser + quantulum3 + textacy)
# and lede on the same N files. Not part of CI; needs network for pip.
#
#   scripts/peer_bench/run.sh [N_FILES=200] [CORPUS=../shared/corpora/bbc]
#
# The venv lives in /tmp/lede-peer-venv (reused between runs; delete it
# to start afresh). en_core_web_sm is not on PyPI: if it cannot be
# installed, spaCy falls back to a blank English pipeline (no NER), which
# makes Python look FASTER than the real stack, never slower.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-200}
CORPUS=${2:-../shared/corpora/bbc}
VENV=${VENV:-/tmp/lede-peer-venv}
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --upgrade pip
  "$VENV/bin/pip" install -q spacy dateparser quantulum3 textacy
fi
MODEL=blank
if "$VENV/bin/python" -c 'import en_core_web_sm' 2>/dev/null \
   || "$VENV/bin/pip" install -q en_core_web_sm 2>/dev/null; then
  MODEL=en_core_web_sm
fi
mapfile -t FILES < <(find "$CORPUS" -name '*.txt' | sort | head -n "$N")
echo "# ${#FILES[@]} files from $CORPUS, spaCy model: $MODEL"
PY_OUT=$("$VENV/bin/python" -W ignore scripts/peer_bench/peer.py "$MODEL" "${FILES[@]}")
echo "$PY_OUT"
PY=$(echo "$PY_OUT" | awk '/^TOTAL_PY_MBPS/{print $2}')

cargo build -q --release
BYTES=$(cat "${FILES[@]}" | wc -c)
# Best of 3 on one core, files passed on the command line, output discarded.
# Wall time from the shell's microsecond clock: the run takes a few
# hundredths of a second, which is all /usr/bin/time would resolve.
BEST=""
for _ in 1 2 3; do
  t0=$EPOCHREALTIME
  ./target/release/lede analyze -j1 -f jsonl "${FILES[@]}" >/dev/null
  t1=$EPOCHREALTIME
  S=$(awk "BEGIN{print $t1 - $t0}")
  if [ -z "$BEST" ] || awk "BEGIN{exit !($S < $BEST)}"; then BEST=$S; fi
done
LEDE=$(awk "BEGIN{printf \"%.2f\", $BYTES/1e6/$BEST}")
echo "lede -j1 (wall, incl. start-up)  $LEDE MB/s  (${BEST}s for $BYTES bytes)"
awk "BEGIN{printf \"ratio lede/python: %.0fx\n\", $LEDE/$PY}"
