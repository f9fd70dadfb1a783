# Sourced by the bench scripts: what they all do the same way.

# bench_serve BIN DB LOG [SERVE_OPTIONS…]: starts BIN serving DB on a free
# loopback port, its log in LOG; sets started_pid and started_port, or
# prints the log and exits when it does not start within 5 s.
bench_serve() {
	bin_=$1 db_=$2 log_=$3
	shift 3
	"$bin_" serve --db "$db_" --listen 127.0.0.1:0 --access-log off "$@" 2>"$log_" &
	started_pid=$!
	started_port=""
	for _ in $(seq 100); do
		started_port=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$log_")
		[ -n "$started_port" ] && return 0
		sleep 0.05
	done
	echo "$bin_ did not start"; cat "$log_"; exit 1
}
