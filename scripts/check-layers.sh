#!/bin/sh
# Checks that #include "…" lines under a source tree point down the layers
# (docs/ARCHITECTURE.md) and that no two modules include each other:
#   util ← text ← store ← content, search ← domain ← views ← http ← cli, main.c
# A module is a file without its extension (a .c and its .h are one, and
# NAME_internal.h is NAME's private part).
# Usage: scripts/check-layers.sh [SRC_DIR]   (default: src)
# Prints each offence and exits 1 when there is any.
set -eu
root=${1:-src}
[ -d "$root" ] || { echo "check-layers: no directory $root" >&2; exit 2; }
cd "$root"
find . -name '*.[ch]' | sed 's|^\./||' | sort | while read -r file; do
	sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$file" | while read -r inc; do
		echo "$file $inc"
	done
done | awk '
function layer(path) {
	if (path ~ /^util\//) return 0
	if (path ~ /^text\//) return 1
	if (path ~ /^store\//) return 2
	if (path ~ /^(content|search)\//) return 3
	if (path ~ /^domain\//) return 4
	if (path ~ /^views\//) return 5
	if (path ~ /^http\//) return 6
	if (path ~ /^cli\// || path == "main.c") return 7
	return -1
}
function module(path) { sub(/\.[ch]$/, "", path); sub(/_internal$/, "", path); return path }
BEGIN { names[0] = "util"; names[1] = "text"; names[2] = "store"; names[3] = "content/search"
	names[4] = "domain"; names[5] = "views"; names[6] = "http"; names[7] = "cli/main" }
{
	file = $1; inc = $2
	from = layer(file); to = layer(inc)
	if (from < 0) { printf "%s: not in any layer (add its folder to scripts/check-layers.sh)\n", file; bad = 1; next }
	if (to < 0) { printf "%s: includes \"%s\", which is in no layer\n", file, inc; bad = 1; next }
	if (to > from) {
		printf "%s: includes \"%s\": %s may not depend on %s above it\n", file, inc, names[from], names[to]
		bad = 1
	}
	a = module(file); b = module(inc)
	if (a != b) { edge[a, b] = file; edges[a] = edges[a] " " b }
}
END {
	for (key in edge) {
		split(key, ab, SUBSEP)
		if ((ab[2], ab[1]) in edge && ab[1] < ab[2]) {
			printf "%s and %s include each other (%s, %s)\n", ab[1], ab[2], edge[ab[1], ab[2]], edge[ab[2], ab[1]]
			bad = 1
		}
	}
	exit bad
}'
