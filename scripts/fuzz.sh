#!/usr/bin/env bash
# Runs every cargo-fuzz target for SECONDS each (default 600: the
# acceptance run of the reliability issue), PARALLEL targets at a time
# (default 1), and fails if any target finds a crash, a hang (one input
# running over 20 s) or a leak past libFuzzer's memory limit.
#
#   scripts/fuzz.sh [SECONDS] [PARALLEL]
#
# Needs `cargo install cargo-fuzz`. cargo-fuzz wants nightly flags; on the
# stable toolchain RUSTC_BOOTSTRAP=1 unlocks them. `-s none` skips
# AddressSanitizer (safe Rust; the fuzzer runs several times faster).
# Logs go to fuzz/logs/<target>.log, crashes to fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds=${1:-600}
parallel=${2:-1}
export RUSTC_BOOTSTRAP=1
cargo fuzz build -s none --release
mkdir -p logs
targets=$(cargo fuzz list)
run() {
    local t=$1
    if cargo fuzz run -s none "$t" -- -max_total_time="$seconds" -timeout=20 >"logs/$t.log" 2>&1; then
        echo "$t: ok ($(grep -Eo '^Done [0-9]+ runs' "logs/$t.log" | tail -1 | grep -Eo '[0-9]+') runs in ${seconds}s)"
    else
        echo "$t: FAILED, see fuzz/logs/$t.log"
        return 1
    fi
}
export -f run
export seconds
printf '%s\n' $targets | xargs -P "$parallel" -I{} bash -c 'run {}'
