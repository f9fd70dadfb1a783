#!/bin/sh
# Runs each tests/browser/*.test.mjs with node (playwright-core driving
# Debian's /usr/bin/chromium) against a server of its own: a fresh database
# with the demo articles, an editor (editor1) and an admin (admin1).
# The test gets BASE_URL, ZS_EDITOR, ZS_ADMIN and ZS_PASSWORD in its
# environment, and ZS_ARTIFACTS, a folder for what it keeps on failure
# (BIN's folder/browser/NAME/, with the server's log).
# Prints one line per test file and ends with
# "browser: N passed, N failed, N skipped".
# Without chromium or node the tests are skipped, unless CI is set: then they fail.
# Usage: tests/browser/run.sh BIN    (e.g. build/release/zhaoshang)
set -u
if [ $# -ne 1 ]; then
	echo "usage: tests/browser/run.sh BIN" >&2
	exit 2
fi
bin=$1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
chromium=/usr/bin/chromium
password=correct-horse-battery
limit=${ZS_BROWSER_LIMIT:-120} # seconds for one test file's node
artifacts=$(dirname "$bin")/browser
case ${CI:-} in '' | false | 0) ci=0 ;; *) ci=1 ;; esac

passed=0 failed=0 skipped=0
tmp="" server_pid="" node_pid="" out=""

# Whether process $1 runs (a child that exited is a zombie until waited for).
alive() {
	kill -0 "$1" 2>/dev/null || return 1
	[ -r "/proc/$1/stat" ] || return 0
	case $(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null) in Z* | X*) return 1 ;; esac
	return 0
}

# Stops the server with SIGTERM, then SIGKILL after 10 s; sets server_status.
stop_server() {
	server_status=0
	[ -n "$server_pid" ] || return 0
	kill -TERM "$server_pid" 2>/dev/null
	i=0
	while alive "$server_pid" && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	if alive "$server_pid"; then
		echo "   server $server_pid did not stop on SIGTERM within 10 s; killed" >&2
		kill -KILL "$server_pid" 2>/dev/null
	fi
	wait "$server_pid" 2>/dev/null
	server_status=$?
	server_pid=""
}

# shellcheck disable=SC2317 # called by the traps
cleanup() {
	if [ -n "$node_pid" ]; then
		# timeout passes SIGTERM on to node (and kills it 5 s later if need be).
		kill -TERM "$node_pid" 2>/dev/null
		wait "$node_pid" 2>/dev/null
		node_pid=""
	fi
	stop_server
	# An interrupted test's folder for screenshots, if it is empty.
	[ -z "${out:-}" ] || rmdir "$out" "$artifacts" 2>/dev/null
	if [ -n "$tmp" ]; then
		rm -rf "$tmp"
		tmp=""
	fi
}
trap cleanup EXIT
for sig in HUP:129 INT:130 TERM:143; do
	# shellcheck disable=SC2064
	trap "echo 'browser: interrupted (SIG${sig%:*})' >&2; cleanup; trap - EXIT; exit ${sig#*:}" "${sig%:*}"
done

finish() {
	echo "browser: $passed passed, $failed failed, $skipped skipped"
	[ "$failed" -eq 0 ]
	exit
}

tests=""
for f in "$here"/*.test.mjs; do
	[ -f "$f" ] && tests="$tests $f"
done
[ -n "$tests" ] || finish

name_of() {
	n=${1##*/}
	echo "${n%.test.mjs}"
}

# Every test file is skipped (or failed, in CI) for the reason given.
give_up() {
	for f in $tests; do
		if [ "$ci" -eq 1 ]; then
			echo "[FAIL] $(name_of "$f"): $1 (CI is set, so this is a failure)"
			failed=$((failed + 1))
		else
			echo "[SKIP] $(name_of "$f"): $1"
			skipped=$((skipped + 1))
		fi
	done
	[ -z "${2:-}" ] || echo "$2" | sed 's/^/   /'
	finish
}

[ -x "$chromium" ] || give_up "no $chromium (scripts/deps.sh browser installs it)"
command -v node >/dev/null 2>&1 || give_up "no node (scripts/deps.sh browser installs it)"
node_version=$(node -e 'console.log(process.versions.node)' 2>/dev/null) || give_up "node does not run"
[ "${node_version%%.*}" -ge 18 ] 2>/dev/null || give_up "node $node_version is older than 18"

# playwright-core, axe-core and vnu-jar, exactly as package-lock.json pins
# them (no install scripts: vnu-jar's would fetch a Java; Debian's runs it);
# npm ci writes
# node_modules/.package-lock.json last, so a broken install is redone.
stamp=$here/node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ -n "$(find "$here/package.json" "$here/package-lock.json" -newer "$stamp")" ]; then
	command -v npm >/dev/null 2>&1 || give_up "no npm to install playwright-core (scripts/deps.sh browser installs it)"
	echo "   installing playwright-core, axe-core and vnu-jar (npm ci)"
	if ! npm_log=$(cd "$here" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 timeout 300 \
		npm ci --ignore-scripts --no-audit --no-fund --loglevel=error 2>&1); then
		give_up "npm ci failed" "$(echo "$npm_log" | grep -v '^npm error  *at ' | tail -n 15)"
	fi
fi

for f in $tests; do
	name=$(name_of "$f")
	tmp=$(mktemp -d)
	db=$tmp/zhaoshang.db
	out=$artifacts/$name
	rm -rf "$out"
	mkdir -p "$out"
	start=$(date +%s)
	fail=""
	if [ ! -x "$bin" ]; then
		fail="no server binary $bin"
	elif ! {
		ZHAOSHANG_PASSWORD=$password "$bin" user add editor1 --role editor --db "$db" &&
			ZHAOSHANG_PASSWORD=$password "$bin" user add admin1 --role admin --db "$db" &&
			"$bin" import --db "$db" "$root/data/demo/articles.txt"
	} >"$tmp/setup.log" 2>&1 </dev/null; then
		fail="setting up the database failed:
$(tail -n 15 "$tmp/setup.log")"
	else
		ZHAOSHANG_FORM_RATE=1000 "$bin" serve --db "$db" --listen 127.0.0.1:0 \
			>"$tmp/server.log" 2>&1 </dev/null &
		server_pid=$!
		port=""
		i=0
		while [ $i -lt 100 ]; do
			port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9][0-9]*\)/.*|\1|p' "$tmp/server.log" | head -n 1)
			[ -n "$port" ] && break
			alive "$server_pid" || break
			sleep 0.1
			i=$((i + 1))
		done
		if [ -z "$port" ]; then
			fail="the server did not start:
$(tail -n 15 "$tmp/server.log")"
		else
			BASE_URL=http://127.0.0.1:$port ZS_EDITOR=editor1 ZS_ADMIN=admin1 ZS_PASSWORD=$password \
				ZS_ARTIFACTS=$out TMPDIR=$tmp timeout -k 5 "$limit" node "$f" >"$tmp/node.log" 2>&1 </dev/null &
			node_pid=$!
			wait "$node_pid" 2>/dev/null
			status=$?
			node_pid=""
			stop_server
			if [ "$status" -ne 0 ]; then
				case $status in
				124 | 137) why="timed out after ${limit} s" ;;
				*) why="exit $status" ;;
				esac
				fail="$why:
$(tail -n 40 "$tmp/node.log")"
			elif [ "$server_status" -ne 0 ]; then
				fail="the server exited $server_status on SIGTERM:
$(tail -n 15 "$tmp/server.log")"
			fi
		fi
		stop_server
		if [ -n "$fail" ] && [ -s "$tmp/server.log" ]; then
			cp "$tmp/server.log" "$out/server.log"
		fi
	fi
	took=$(($(date +%s) - start))
	if [ -z "$fail" ]; then
		echo "[PASS] $name (${took} s)"
		passed=$((passed + 1))
	else
		echo "[FAIL] $name (${took} s): $(echo "$fail" | head -n 1)"
		echo "$fail" | tail -n +2 | sed 's/^/   /'
		[ -z "$(ls -A "$out")" ] || echo "   kept: $out/"
		failed=$((failed + 1))
	fi
	[ -n "$(ls -A "$out")" ] || rmdir "$out" "$artifacts" 2>/dev/null
	rm -rf "$tmp"
	tmp=""
done
finish
