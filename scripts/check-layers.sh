#!/bin/sh
# Checks that the includes of a source tree point down the layers
# (docs/ARCHITECTURE.md) and that no modules include each other in a ring:
#   util ← text ← store ← content, search ← domain ← views ← http ← cli, main.c
# Every file must be in a layer; an include names a header by its path from
# the tree's root ("store/articles.h"), in quotes or angle brackets, with no
# "..". A module is a file without its extension (a .c and its .h are one,
# and NAME_internal.h is NAME's private part).
# Usage: scripts/check-layers.sh [SRC_DIR]   (default: src)
# Prints each offence and exits 1 when there is any.
set -eu
root=${1:-src}
[ -d "$root" ] || { echo "check-layers: no directory $root" >&2; exit 2; }
cd "$root"
layers="util text store content search domain views http cli"
find . -name '*.[ch]' | sed 's|^\./||' | sort | while read -r file; do
	echo "file $file"
	# Quoted includes, and bracketed ones that name one of our folders
	# (system headers are not ours to check).
	sed -n -e 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' \
		-e 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*<\([^>]*\)>.*/<\1/p' "$file" |
		while read -r inc; do
			case "$inc" in
			"<"*)
				inc=${inc#<}
				top=${inc%%/*}
				case " $layers " in *" $top "*) echo "inc $file $inc" ;; esac
				;;
			*) echo "inc $file $inc" ;;
			esac
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
# Depth-first search from module m; stack[1..depth] holds the way here, so
# meeting a module on it again closes a ring, printed from that module on.
function visit(m,    i, k, n, nexts, ring) {
	state[m] = 1
	stack[++depth] = m
	n = split(edges[m], nexts, " ")
	for (i = 1; i <= n; i++) {
		if (state[nexts[i]] == 1) {
			for (k = depth; stack[k] != nexts[i]; k--)
				;
			ring = stack[k]
			for (k++; k <= depth; k++)
				ring = ring " → " stack[k]
			printf "modules include each other in a ring: %s → %s\n", ring, nexts[i]
			bad = 1
		} else if (!state[nexts[i]]) {
			visit(nexts[i])
		}
	}
	depth--
	state[m] = 2
}
BEGIN { names[0] = "util"; names[1] = "text"; names[2] = "store"; names[3] = "content/search"
	names[4] = "domain"; names[5] = "views"; names[6] = "http"; names[7] = "cli/main" }
$1 == "file" {
	if (layer($2) < 0) { printf "%s: not in any layer (add its folder to scripts/check-layers.sh)\n", $2; bad = 1 }
	if (!(module($2) in seen)) { seen[module($2)] = 1; order[++nmodules] = module($2) }
	next
}
{
	file = $2; inc = $3
	from = layer(file); to = layer(inc)
	if (from < 0) next
	if (inc ~ /(^|\/)\.\.?\//) { printf "%s: includes \"%s\": name headers by their path from the root, without . or ..\n", file, inc; bad = 1; next }
	if (to < 0) { printf "%s: includes \"%s\", which is in no layer (name it by its path from the root, e.g. \"store/store.h\")\n", file, inc; bad = 1; next }
	if (to > from) {
		printf "%s: includes \"%s\": %s may not depend on %s above it\n", file, inc, names[from], names[to]
		bad = 1
	}
	a = module(file); b = module(inc)
	if (a != b && !((a, b) in edge)) { edge[a, b] = 1; edges[a] = edges[a] " " b }
}
END {
	for (i = 1; i <= nmodules; i++)
		if (!state[order[i]]) visit(order[i])
	exit bad
}'
