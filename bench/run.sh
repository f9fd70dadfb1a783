#!/bin/sh
# Benchmark: import a generated 100,000-article corpus, then load the home page
# and an article page with wrk — from zhaoshang, and in the same run from nginx
# serving the same bytes from disk. Bounded: a few seconds per wrk run.
# Usage: bench/run.sh   (BENCH_ARTICLES, BENCH_SECONDS, BENCH_ROUNDS override)
# Writes a Markdown table to bench/out/results.md and standard output.
set -eu
cd "$(dirname "$0")/.."
bin=build/release/zhaoshang
out=bench/out
articles=${BENCH_ARTICLES:-100000}
seconds=${BENCH_SECONDS:-5}
rounds=${BENCH_ROUNDS:-3}
threads=2
conns=64
mkdir -p "$out"

server_pid="" nginx_pid=""
cleanup() {
	[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
	[ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
	return 0
}
trap cleanup EXIT INT TERM

corpus="$out/corpus-$articles.txt"
[ -s "$corpus" ] || bench/gen-corpus.sh "$articles" > "$corpus"
rm -f "$out/bench.db" "$out/bench.db-wal" "$out/bench.db-shm"
echo "import: $articles articles, $(du -h "$corpus" | cut -f1)"
start=$(date +%s.%N)
"$bin" import --db "$out/bench.db" "$corpus" >/dev/null
end=$(date +%s.%N)
import_secs=$(echo "$end $start" | awk '{printf "%.2f", $1 - $2}')
import_rate=$(echo "$articles $import_secs" | awk '{printf "%.0f", $1 / $2}')
echo "import: ${import_secs}s, $import_rate articles/s"

# Tagging throughput: every article through article_tag again (districts,
# industries, facts), written back in one transaction.
retag_line=$("$bin" retag --db "$out/bench.db")
echo "retag: $retag_line"
ZHAOSHANG_PASSWORD=bench-password-1 "$bin" user add bench --role admin --db "$out/bench.db" >/dev/null
"$bin" serve --db "$out/bench.db" --listen 127.0.0.1:0 --access-log off 2>"$out/server.log" &
server_pid=$!
port=""
for _ in $(seq 100); do
	port=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$out/server.log")
	[ -n "$port" ] && break
	sleep 0.05
done
[ -n "$port" ] || { echo "server did not start"; cat "$out/server.log"; exit 1; }
zs="http://127.0.0.1:$port"
article_path=/articles/$((articles / 2))

# nginx serves the very same bytes, saved to disk.
www="$out/www"
rm -rf "$www" && mkdir -p "$www/articles"
curl -sf "$zs/" -o "$www/index.html"
curl -sf "$zs$article_path" -o "$www$article_path"
nginx_port=$((port + 1))
cat > "$out/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $PWD/$out/nginx.pid;
error_log $PWD/$out/nginx-error.log;
events { worker_connections 1024; }
http {
	access_log off;
	types { }
	default_type "text/html; charset=utf-8";
	server {
		listen 127.0.0.1:$nginx_port;
		root $PWD/$www;
		location / { try_files \$uri \$uri/index.html =404; }
	}
}
CONF
nginx -c "$PWD/$out/nginx.conf" -e "$PWD/$out/nginx-error.log" &
nginx_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$nginx_port/" -o /dev/null && break; sleep 0.05; done
ng="http://127.0.0.1:$nginx_port"

# One wrk run: prints "req/s p50_ms p99_ms".
measure() {
	wrk -t$threads -c$conns -d"${seconds}s" --latency "$1" | awk '
		/Requests\/sec/ { rps = $2 }
		/^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
		function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
		END { printf "%.0f %.2f %.2f\n", rps, ms(p50), ms(p99) }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

results="$out/raw.txt"
: > "$results"
for round in $(seq "$rounds"); do
	for target in "zs /" "nginx /" "zs $article_path" "nginx $article_path"; do
		set -- $target
		base=$zs; [ "$1" = nginx ] && base=$ng
		echo "$1 $2 $(measure "$base$2")" | tee -a "$results"
	done
done

# Search latency: each query 7 times through the API, median of the
# server's own took_ms (query parse, count, rank, highlights, facets).
search_results="$out/search.txt"
: > "$search_results"
for q in 第99999期 浦东%20招商 集成电路 人才支撑 区; do
	for _ in 1 2 3 4 5 6 7; do
		{ curl -sf "$zs/api/v1/search?q=$q"; echo; } | sed -n 's/.*"total":\([0-9]*\).*"took_ms":\([0-9.]*\).*/\1 \2/p'
	done | sort -n -k2 | awk -v q="$q" 'NR == 4 { printf "%s %s %.1f\n", q, $1, $2 }' >> "$search_results"
done

# Moderation at this size: each submission is checked against every stored
# article for near duplicates (a scan of 100,000 fingerprints), and the queue
# page runs every check on 20 submissions. curl's total time, median.
jar="$out/cookies.txt"
rm -f "$jar"
token() { curl -sf -c "$jar" -b "$jar" "$zs$1" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -n 1; }
t=$(token /submit)
for i in $(seq 20); do
	curl -s -o /dev/null -w '%{time_total}\n' -b "$jar" "$zs/submit" -F "csrf_token=$t" \
		-F "title=基准测试投稿第${i}篇：浦东新区集成电路项目签约" -F "contributor=基准" -F "contact=13812345678" \
		-F "body=浦东新区今日举行集成电路产业项目签约仪式，第${i}批共签约项目十二个，总投资超过五十亿元，涉及芯片设计、制造与封装测试等环节。"
done | median > "$out/submit.txt"
t=$(token /admin/login)
curl -s -o /dev/null -c "$jar" -b "$jar" "$zs/admin/login" --data-urlencode "csrf_token=$t" -d username=bench -d password=bench-password-1
# A long banned-word list, as an admin might keep: 1,000 phrases.
t=$(token /admin/banned-words)
seq 1000 | awk '{ printf "违规推广词%04d\n", $1 }' > "$out/words.txt"
curl -s -o /dev/null -b "$jar" "$zs/admin/banned-words" --data-urlencode "csrf_token=$t" --data-urlencode "words@$out/words.txt"
for _ in 1 2 3 4 5 6 7; do
	curl -s -o /dev/null -w '%{time_total}\n' -b "$jar" "$zs/admin/submissions"
done | median > "$out/queue.txt"
t=$(token /admin/submissions)
curl -s -o /dev/null -w '%{time_total}\n' -b "$jar" "$zs/admin/submissions/1/approve" --data-urlencode "csrf_token=$t" > "$out/approve.txt"

home_bytes=$(wc -c < "$www/index.html")
article_bytes=$(wc -c < "$www$article_path")
{
	echo "| page | bytes | zhaoshang req/s | nginx req/s | ratio | zhaoshang p50 / p99 ms | nginx p50 / p99 ms |"
	echo "|---|---|---|---|---|---|---|"
	for path in / "$article_path"; do
		z=$(awk -v p="$path" '$1 == "zs" && $2 == p { print $3 }' "$results" | median)
		n=$(awk -v p="$path" '$1 == "nginx" && $2 == p { print $3 }' "$results" | median)
		zl=$(awk -v p="$path" '$1 == "zs" && $2 == p { print $4 }' "$results" | median)/$(awk -v p="$path" '$1 == "zs" && $2 == p { print $5 }' "$results" | median)
		nl=$(awk -v p="$path" '$1 == "nginx" && $2 == p { print $4 }' "$results" | median)/$(awk -v p="$path" '$1 == "nginx" && $2 == p { print $5 }' "$results" | median)
		bytes=$home_bytes; [ "$path" = / ] || bytes=$article_bytes
		ratio=$(echo "$z $n" | awk '{ printf "%.2f", $1 / $2 }')
		echo "| \`$path\` | $bytes | $z | $n | $ratio | $zl | $nl |"
	done
	echo
	echo "| search (\`/api/v1/search?q=…\`) | matches | median ms |"
	echo "|---|---|---|"
	awk '{ gsub("%20", " ", $1); printf "| %s | %s | %s |\n", $1, $2, $3 }' "$search_results"
	echo
	echo "| moderation, $articles articles stored | median ms |"
	echo "|---|---|"
	echo "| \`POST /submit\` (checks, near-duplicate scan, commit) | $(awk '{ printf "%.1f", $1 * 1000 }' "$out/submit.txt") |"
	echo "| \`GET /admin/submissions\` (20 submissions, every check, 1,000 banned words) | $(awk '{ printf "%.1f", $1 * 1000 }' "$out/queue.txt") |"
	echo "| \`POST /admin/submissions/1/approve\` (one) | $(awk '{ printf "%.1f", $1 * 1000 }' "$out/approve.txt") |"
	echo
	echo "Import: $articles articles in ${import_secs}s ($import_rate articles/s)."
	echo "Retag: $retag_line"
	echo "Medians of $rounds rounds; each: \`wrk -t$threads -c$conns -d${seconds}s --latency\`, loopback."
} | tee "$out/results.md"
