#!/bin/sh
# A/B benchmark: two builds of zhaoshang on one database, in one run, so that
# a change can be shown not to move the figures. Each round loads the cached
# home page and an article page with wrk, from A then B, and times searches
# past the response cache (the server's own took_ms, median of 7 per query).
# Bounded: BENCH_ROUNDS × 4 wrk runs of BENCH_SECONDS each, plus the searches.
# Usage: bench/ab.sh A_BIN B_BIN   (BENCH_ARTICLES, BENCH_SECONDS, BENCH_ROUNDS)
# Writes bench/out/ab.md and prints it.
set -eu
cd "$(dirname "$0")/.."
. bench/lib.sh
[ $# -eq 2 ] || { echo "usage: bench/ab.sh A_BIN B_BIN" >&2; exit 2; }
a_bin=$1 b_bin=$2
out=bench/out
articles=${BENCH_ARTICLES:-100000}
seconds=${BENCH_SECONDS:-5}
rounds=${BENCH_ROUNDS:-3}
mkdir -p "$out"
scripts/deps.sh bench

a_pid="" b_pid=""
cleanup() {
	for pid in $a_pid $b_pid; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
	return 0
}
trap cleanup EXIT INT TERM

corpus="$out/corpus-$articles.txt"
[ -s "$corpus" ] || bench/gen-corpus.sh "$articles" > "$corpus"
db="$out/ab.db"
rm -f "$db" "$db-wal" "$db-shm"
"$a_bin" import --db "$db" "$corpus" >/dev/null

bench_serve "$a_bin" "$db" "$out/ab-a.log"; a_pid=$started_pid; a_url="http://127.0.0.1:$started_port"
bench_serve "$b_bin" "$db" "$out/ab-b.log"; b_pid=$started_pid; b_url="http://127.0.0.1:$started_port"
article=/articles/$((articles / 2))
for url in "$a_url" "$b_url"; do
	curl -sf "$url/" -o /dev/null && curl -sf "$url$article" -o /dev/null
done

measure() {
	wrk -t2 -c64 -d"${seconds}s" --latency "$1" | awk '
		/Requests\/sec/ { rps = $2 }
		/^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
		function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
		END { printf "%.0f %.2f %.2f\n", rps, ms(p50), ms(p99) }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

raw="$out/ab-raw.txt"
: > "$raw"
queries="第99999期 浦东%20招商 集成电路 人才支撑 区"
for round in $(seq "$rounds"); do
	sides="a b"
	[ $((round % 2)) -eq 0 ] && sides="b a"
	for path in / "$article"; do
		for side in $sides; do
			url=$a_url; [ "$side" = b ] && url=$b_url
			echo "$side $path $(measure "$url$path")" | tee -a "$raw"
		done
	done
	for q in $queries; do
		for side in $sides; do
			url=$a_url; [ "$side" = b ] && url=$b_url
			for i in 1 2 3 4 5 6 7; do
				{ curl -sf "$url/api/v1/search?q=$q&run=$round-$i"; echo; } | sed -n 's/.*"took_ms":\([0-9.]*\).*/\1/p'
			done | median | sed "s|^|search $side $q |" | tee -a "$raw"
		done
	done
done

col() { awk -v s="$1" -v p="$2" -v c="$3" '$1 == s && $2 == p { print $c }' "$raw" | median; }
scol() { awk -v s="$1" -v q="$2" '$1 == "search" && $2 == s && $3 == q { print $4 }' "$raw" | median; }
{
	echo "A: \`$a_bin\`; B: \`$b_bin\`; $articles articles, one database, $rounds rounds, A first in odd rounds and B first in even ones."
	echo
	echo "| request | A req/s | B req/s | B ÷ A | A p50 / p99 ms | B p50 / p99 ms |"
	echo "|---|---|---|---|---|---|"
	for path in / "$article"; do
		ra=$(col a "$path" 3) rb=$(col b "$path" 3)
		echo "| \`GET $path\` (cached) | $ra | $rb | $(echo "$rb $ra" | awk '{ printf "%.2f", $1 / $2 }') |" \
			"$(col a "$path" 4) / $(col a "$path" 5) | $(col b "$path" 4) / $(col b "$path" 5) |"
	done
	echo
	echo "| search (\`/api/v1/search?q=…\`, past the cache) | A median ms | B median ms |"
	echo "|---|---|---|"
	for q in $queries; do
		echo "| $(echo "$q" | sed 's/%20/ /g') | $(scol a "$q") | $(scol b "$q") |"
	done
} > "$out/ab.md"
cat "$out/ab.md"
