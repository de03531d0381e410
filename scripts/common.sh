# Shared set-up of the benchmark scripts (sourced, not run): builds the
# binary in cargo profile $PROFILE (default release), sets LEDE to its path
# and BYTES to the size of the *.txt files in $CORPUS.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PROFILE=${PROFILE:-release}
cargo build -q --profile "$PROFILE"
LEDE=./target/$PROFILE/lede
BYTES=$(find "$CORPUS" -name '*.txt' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
