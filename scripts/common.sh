# Shared set-up of the benchmark scripts (sourced, not run): builds the
# release binary and sets BYTES to the size of the *.txt files in $CORPUS.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo build -q --release
BYTES=$(find "$CORPUS" -name '*.txt' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
