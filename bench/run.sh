#!/bin/sh
# Benchmark: import a generated 100,000-article corpus, then load the home page
# and an article page with wrk — from zhaoshang, and in the same run from nginx
# serving the same bytes from disk: as they are, gzipped (zhaoshang's own gzip
# bytes, through nginx's gzip_static), and as conditional GETs answered 304.
# Bounded: a few seconds per wrk run.
# Usage: bench/run.sh   (BENCH_ARTICLES, BENCH_SECONDS, BENCH_ROUNDS override)
# Writes a Markdown table to bench/out/results.md and standard output.
set -eu
cd "$(dirname "$0")/.."
. bench/lib.sh
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
bench_serve "$bin" "$out/bench.db" "$out/server.log"
server_pid=$started_pid port=$started_port
zs="http://127.0.0.1:$port"
article_path=/articles/$((articles / 2))

# nginx serves the very same bytes, saved to disk.
www="$out/www"
rm -rf "$www" && mkdir -p "$www/articles"
curl -sf "$zs/" -o "$www/index.html"
curl -sf -H 'Accept-Encoding: gzip' "$zs/" -o "$www/index.html.gz"
curl -sf "$zs$article_path" -o "$www$article_path"
curl -sf -H 'Accept-Encoding: gzip' "$zs$article_path" -o "$www$article_path.gz"
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
		gzip_static on;
		gzip_vary on;
		location / { try_files \$uri \$uri/index.html =404; }
	}
}
CONF
nginx -c "$PWD/$out/nginx.conf" -e "$PWD/$out/nginx-error.log" &
nginx_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$nginx_port/" -o /dev/null && break; sleep 0.05; done
ng="http://127.0.0.1:$nginx_port"

# One wrk run of URL $1 with request header $2 (or none): prints "req/s p50_ms p99_ms".
measure() {
	wrk -t$threads -c$conns -d"${seconds}s" --latency ${2:+-H "$2"} "$1" | awk '
		/Requests\/sec/ { rps = $2 }
		/^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
		function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
		END { printf "%.0f %.2f %.2f\n", rps, ms(p50), ms(p99) }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Each server's validator for the page, for the conditional GETs.
etag() { curl -sfI ${2:+-H "$2"} "$1" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p'; }
zs_etag=$(etag "$zs/" 'Accept-Encoding: gzip')
ng_etag=$(etag "$ng/" 'Accept-Encoding: gzip')
for check in "$zs/" "$ng/"; do
	encoding=$(curl -sfI -H 'Accept-Encoding: gzip' "$check" | tr -d '\r' | sed -n 's/^Content-Encoding: //p')
	[ "$encoding" = gzip ] || { echo "$check does not answer gzip"; exit 1; }
done

# Rows: label, zhaoshang's request header, nginx's (br: nginx has no brotli).
results="$out/raw.txt"
: > "$results"
for round in $(seq "$rounds"); do
	while IFS='|' read -r label path zs_header ng_header; do
		[ -n "$label" ] || continue
		echo "zs $label $(measure "$zs$path" "$zs_header")" | tee -a "$results"
		[ "$ng_header" = none ] || echo "nginx $label $(measure "$ng$path" "$ng_header")" | tee -a "$results"
	done <<ROWS
/|/||
/ gzip|/|Accept-Encoding: gzip|Accept-Encoding: gzip
/ br|/|Accept-Encoding: br|none
/ 304|/|If-None-Match: $zs_etag|If-None-Match: $ng_etag
$article_path|$article_path||
$article_path gzip|$article_path|Accept-Encoding: gzip|Accept-Encoding: gzip
ROWS
done

# Search latency: each query 7 times through the API, median of the
# server's own took_ms (query parse, count, rank, highlights, facets); an
# argument the server ignores makes each URL new, past the response cache.
search_results="$out/search.txt"
: > "$search_results"
for q in 第99999期 浦东%20招商 集成电路 人才支撑 区; do
	for i in 1 2 3 4 5 6 7; do
		{ curl -sf "$zs/api/v1/search?q=$q&run=$i"; echo; } | sed -n 's/.*"total":\([0-9]*\).*"took_ms":\([0-9.]*\).*/\1 \2/p'
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

# The bytes each row sends: the page, its gzip or brotli form, or nothing.
size_of() {
	case "$1" in
	*' 304') echo 0 ;;
	*' gzip') curl -sf -H 'Accept-Encoding: gzip' "$zs$2" | wc -c ;;
	*' br') curl -sf -H 'Accept-Encoding: br' "$zs$2" | wc -c ;;
	*) curl -sf "$zs$2" | wc -c ;;
	esac
}
# Column $3 (req/s), $4 (p50) or $5 (p99) of the rows for server $1, label $2.
col() { awk -v s="$1" -v l="$2" -v c="$3" '{ label = $2; for (i = 3; i < NF - 2; i++) label = label " " $i }
	$1 == s && label == l { print $(NF - 5 + c) }' "$results" | median; }
{
	echo "| request | body bytes | zhaoshang req/s | nginx req/s | ratio | zhaoshang p50 / p99 ms | nginx p50 / p99 ms |"
	echo "|---|---|---|---|---|---|---|"
	for label in / "/ gzip" "/ br" "/ 304" "$article_path" "$article_path gzip"; do
		path=${label%% *}
		z=$(col zs "$label" 3)
		n=$(col nginx "$label" 3)
		zl="$(col zs "$label" 4) / $(col zs "$label" 5)"
		if [ -n "$n" ]; then
			nl="$(col nginx "$label" 4) / $(col nginx "$label" 5)"
			ratio=$(echo "$z $n" | awk '{ printf "%.2f", $1 / $2 }')
		else
			n="—" nl="—" ratio="—"
		fi
		echo "| \`GET $label\` | $(size_of "$label" "$path") | $z | $n | $ratio | $zl | $nl |"
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
