#!/bin/sh
# Installs the Debian 12 packages Zhaoshang needs to build, test and benchmark.
# Usage: scripts/deps.sh [build|test|bench|browser]...   (default: build test)
# Only packages that are missing are installed; nothing is downloaded but Debian's.
# browser: Chromium (driven by tests/browser/ through npm's playwright-core),
# CJK fonts, a Java for the Nu HTML checker unless one is on PATH, and
# Node.js with npm unless a node and an npm are already on PATH
# (one from another source may be installed; Debian's npm would clash with it).
set -eu

build_pkgs="gcc make pkg-config libmicrohttpd-dev libsqlite3-dev libsodium-dev libjansson-dev zlib1g-dev libbrotli-dev libicu-dev"
test_pkgs="clang libclang-rt-14-dev libcriterion-dev libxml2-utils"
bench_pkgs="wrk nginx-light curl"
browser_pkgs="chromium fonts-noto-cjk ca-certificates"
command -v node >/dev/null 2>&1 || browser_pkgs="$browser_pkgs nodejs"
# The Nu HTML checker (npm's vnu-jar) runs on Java.
command -v java >/dev/null 2>&1 || browser_pkgs="$browser_pkgs default-jre-headless"
command -v npm >/dev/null 2>&1 || browser_pkgs="$browser_pkgs npm"

want=""
[ $# -eq 0 ] && set -- build test
for group in "$@"; do
	case "$group" in
	build) want="$want $build_pkgs" ;;
	test) want="$want $build_pkgs $test_pkgs" ;;
	bench) want="$want $build_pkgs $bench_pkgs" ;;
	browser) want="$want $browser_pkgs" ;;
	*) echo "deps.sh: unknown group '$group' (build, test, bench, browser)" >&2; exit 2 ;;
	esac
done

missing=""
for p in $want; do
	case " $missing " in *" $p "*) continue ;; esac
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	[ "$status" = "install ok installed" ] || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "deps.sh: installing$missing" >&2
if [ "$(id -u)" -eq 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1; then
	sudo="sudo"
else
	echo "deps.sh: need root or sudo to install:$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
