#!/usr/bin/env bash
# Fuzz cleaner for MINUTES minutes (default 10), niced, one core:   fuzz/run.sh 15
# Needs the fuzz extra (pip install -e '.[fuzz]'); not part of the test suite.
# The corpus grows in fuzz/corpus (seeded from seeds/ and the pipeline fixtures);
# crashes, broken properties and inputs slower than 30 s land in fuzz/findings/.
# Extra arguments go to libFuzzer, e.g. fuzz/run.sh 5 -max_len=100000
# FUZZ_SKIP_IDEMPOTENCE=1 fuzz/run.sh 10 checks every property but idempotence.
set -euo pipefail
minutes="${1:-10}"
if ! [[ "$minutes" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: fuzz/run.sh [MINUTES] [LIBFUZZER_FLAG]..." >&2
    exit 2
fi
shift $(($# > 0 ? 1 : 0))
cd "$(dirname "$0")/.."
mkdir -p fuzz/corpus fuzz/findings
# A page is a few kB to a few tens of kB; libFuzzer's default of 4 kB would cut the seeds.
exec nice python3 fuzz/fuzz_clean.py \
    -max_total_time=$((minutes * 60)) \
    -timeout=30 \
    -max_len=32768 \
    -rss_limit_mb=4096 \
    -print_final_stats=1 \
    -artifact_prefix=fuzz/findings/ \
    "$@" fuzz/corpus seeds fixtures/pipeline
