#!/bin/sh
# Soak: form submissions while a 30,000-article file is imported into the
# database the server is using. A sender posts one submission every 0.1 s
# for as long as the import runs (at most BENCH_MAX_SECONDS), each timed
# alone; the figures are their median, p99 and worst latency, and how many
# got an answer other than the 303 of a stored submission (a 503 is a form
# the import starved of the write lock).
# Usage: bench/import-soak.sh [BIN]   (default build/release/zhaoshang;
#        BENCH_ARTICLES, BENCH_MAX_SECONDS override)
# Bounded: the import, or BENCH_MAX_SECONDS (default 300), whichever ends first.
set -eu
cd "$(dirname "$0")/.."
. bench/lib.sh
bin=${1:-build/release/zhaoshang}
articles=${BENCH_ARTICLES:-30000}
max_seconds=${BENCH_MAX_SECONDS:-300}
out=bench/out/import-soak
mkdir -p "$out"

server_pid="" import_pid=""
cleanup() {
	[ -n "$import_pid" ] && kill "$import_pid" 2>/dev/null && wait "$import_pid" 2>/dev/null
	[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
	return 0
}
trap cleanup EXIT INT TERM

corpus="bench/out/corpus-$articles.txt"
[ -s "$corpus" ] || bench/gen-corpus.sh "$articles" > "$corpus"
db="$out/soak.db"
rm -f "$db" "$db-wal" "$db-shm"
# Many posts from one address: the hourly form limit is lifted for the run.
bench_serve "$bin" "$db" "$out/server.log" --form-rate 1000000
server_pid=$started_pid
zs="http://127.0.0.1:$started_port"

jar="$out/cookies"
rm -f "$jar"
token=$(curl -sf -c "$jar" "$zs/submit" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -n 1)
[ -n "$token" ] || { echo "no csrf_token on /submit"; exit 1; }
body="临港新片区今日举行新能源产业项目集中签约仪式，共有十二个项目落地，总投资超过八十亿元，涵盖动力电池、氢能装备和智能网联汽车零部件等领域。相关负责人表示，新片区将持续优化营商环境。"

post() { # $1: a number making the title unique; prints "status seconds"
	curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_total}\n' --max-time 30 \
		--data-urlencode "csrf_token=$token" --data-urlencode "title=压力测试投稿第$1号" \
		--data-urlencode "body=$body" --data-urlencode "district=pudong" \
		--data-urlencode "industry=nev" --data-urlencode "contributor=张三" \
		--data-urlencode "contact=13812345678" "$zs/submit" || echo "000 30"
}
[ "$(post 0 | cut -d' ' -f1)" = 303 ] || { echo "a submission is not stored before the import"; exit 1; }

"$bin" import --db "$db" "$corpus" >"$out/import.log" 2>&1 &
import_pid=$!
started=$(date +%s.%N)
: > "$out/posts.txt"
i=1
while kill -0 "$import_pid" 2>/dev/null; do
	post "$i" >> "$out/posts.txt"
	i=$((i + 1))
	elapsed=$(echo "$(date +%s.%N) $started" | awk '{print $1 - $2}')
	awk -v e="$elapsed" -v m="$max_seconds" 'BEGIN { exit !(e > m) }' && break
	sleep 0.1
done
import_status=0
wait "$import_pid" || import_status=$?
import_pid=""
import_secs=$(echo "$(date +%s.%N) $started" | awk '{printf "%.1f", $1 - $2}')

echo "binary: $bin"
echo "import: $articles articles, exit $import_status, ${import_secs}s: $(tail -n 1 "$out/import.log")"
sort -k2 -n "$out/posts.txt" | awk '
	{ t[NR] = $2 * 1000; if ($1 != 303) bad[$1]++ }
	END {
		if (NR == 0) { print "posts: none"; exit }
		p50 = t[int((NR - 1) * 0.50) + 1]; p99 = t[int((NR - 1) * 0.99) + 1]
		printf "posts: %d, median %.1f ms, p99 %.1f ms, worst %.1f ms\n", NR, p50, p99, t[NR]
		s = ""; for (k in bad) s = s " " k "×" bad[k]
		print "not stored:" (s == "" ? " none" : s)
	}'
