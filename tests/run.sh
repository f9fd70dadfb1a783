#!/bin/sh
# Runs the unit and integration tests of each build directory given and ends
# with one line "N passed, N failed, N skipped" over all of them.
# Usage: tests/run.sh BUILD_DIR...    (run from the repository root)
set -u
passed=0 failed=0 skipped=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Where the seed lives in CI: beside the repository, in ../shared.
if [ -z "${ZS_SEED:-}" ] && [ -r ../shared/seed/shanghai-invest-news.txt ]; then
	ZS_SEED=$(cd ../shared/seed && pwd)/shanghai-invest-news.txt
	export ZS_SEED
fi
[ -n "${ZS_SEED:-}" ] || echo "note: ../shared/seed not found; seed tests are skipped, the demo corpus stands in"

for dir in "$@"; do
	export ZS_BIN="$dir/zhaoshang"
	for suite in unit-tests integration-tests; do
		echo "== $dir/$suite"
		# Criterion runs each test in its own process, two at a time here.
		"$dir/$suite" --jobs 2 --short-filename --verbose >"$log" 2>&1
		status=$?
		grep -E '^\[(FAIL|----)\]|Synthesis|ERROR|Sanitizer|runtime error' "$log" | grep -v '^\[----\] *$' | head -200
		line=$(grep 'Synthesis: Tested' "$log" | tail -n 1)
		if [ -z "$line" ]; then
			echo "   $suite did not finish (exit $status):"
			tail -n 20 "$log"
			failed=$((failed + 1))
			continue
		fi
		p=$(echo "$line" | sed -E 's/.*Passing: ([0-9]+).*/\1/')
		f=$(echo "$line" | sed -E 's/.*Failing: ([0-9]+).*/\1/')
		c=$(echo "$line" | sed -E 's/.*Crashing: ([0-9]+).*/\1/')
		# Criterion leaves skipped tests out of Tested and Passing: count them apart.
		s=$(grep -c '^\[SKIP\]' "$log")
		passed=$((passed + p))
		failed=$((failed + f + c))
		skipped=$((skipped + s))
		if [ "$status" -ne 0 ] && [ $((f + c)) -eq 0 ]; then
			echo "   $suite exited $status with no failing test (a sanitizer report?)"
			tail -n 20 "$log"
			failed=$((failed + 1))
		fi
	done
	# Every saved fuzz input (seeds, and crashes kept as regressions).
	for replay in "$dir"/replay_*; do
		[ -x "$replay" ] || continue
		name=${replay##*/replay_}
		if out=$("$replay" "fuzz/corpus/$name" 2>&1); then
			echo "== $replay: $out"
			passed=$((passed + 1))
		else
			echo "== $replay FAILED:"
			echo "$out" | tail -n 30
			failed=$((failed + 1))
		fi
	done
done

# The include layers (docs/ARCHITECTURE.md): the tree keeps them, and the
# check refuses each kind of breach in the fixtures under tests/layers/.
echo "== include layers (scripts/check-layers.sh)"
layers_case() { # DIR EXPECTED_EXIT TEXT_THE_REPORT_MUST_HOLD
	out=$(scripts/check-layers.sh "$1" 2>&1)
	status=$?
	if [ "$status" -eq "$2" ] && printf '%s\n' "$out" | grep -qF -- "$3"; then
		passed=$((passed + 1))
	else
		echo "   $1: exit $status (want $2), report:"
		printf '%s\n' "$out" | sed 's/^/   /'
		failed=$((failed + 1))
	fi
}
layers_case src 0 ""
layers_case tests/layers/upward 1 'util/date.h: includes "http/server.h": util may not depend on http above it'
layers_case tests/layers/pair 1 "modules include each other in a ring: store/a → store/b → store/a"
layers_case tests/layers/ring 1 "modules include each other in a ring: store/a → store/b → store/c → store/a"
layers_case tests/layers/unknown 1 "vendor/lib.c: not in any layer"
layers_case tests/layers/silent 1 "vendor/lib.h: not in any layer"
layers_case tests/layers/bracket 1 'util/log.c: includes "views/page.h": util may not depend on views above it'
layers_case tests/layers/dotdot 1 'includes "util/../http/server.h": name headers by their path from the root'
layers_case tests/layers/relative 1 'store/store.c: includes "articles.h", which is in no layer'

# Browser tests (tests/browser/): once, on the release build, since they are
# about behaviour, not memory errors. Skipped without Chromium or node unless
# CI is set.
echo "== browser tests (build/release)"
scripts/deps.sh browser || echo "   scripts/deps.sh browser failed"
tests/browser/run.sh build/release/zhaoshang 2>&1 | tee "$log"
line=$(tail -n 1 "$log")
if echo "$line" | grep -Eq '^browser: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$'; then
	# shellcheck disable=SC2046
	set -- $(echo "$line" | sed -E 's/[^0-9]+/ /g')
	passed=$((passed + $1))
	failed=$((failed + $2))
	skipped=$((skipped + $3))
else
	echo "   tests/browser/run.sh did not finish"
	failed=$((failed + 1))
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
