#!/bin/sh
# Installs the build tree $1 into a scratch prefix and checks what `cmake --install` put there; then the
# installed acta (which finds its data beside itself) creates an archive with `init` and builds it.
set -eu
build=$1
source=$2
prefix=$(mktemp -d "${TMPDIR:-/tmp}/acta-install-XXXXXX")
trap 'rm -rf "$prefix"' EXIT
fail() { echo "install test: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >/dev/null
[ -x "$prefix/bin/acta" ] || fail "bin/acta missing"
for f in layout.mustache document.mustache index.mustache not_found.mustache assets/style.css; do
  [ -f "$prefix/share/acta/templates/$f" ] || fail "share/acta/templates/$f missing"
done
[ -f "$prefix/share/acta/starter/site-config.yaml" ] || fail "starter config missing"
[ -f "$prefix/share/man/man1/acta.1" ] || fail "man page missing"
cmp -s "$prefix/share/man/man1/acta.1" "$source/docs/acta.1" || fail "man page differs from docs/acta.1"
if command -v groff >/dev/null; then
  warnings=$(groff -man -Tutf8 -ww -z "$prefix/share/man/man1/acta.1" 2>&1)
  [ -z "$warnings" ] || fail "man page warnings: $warnings"
fi

"$prefix/bin/acta" --version | grep -q "^acta " || fail "--version"
help=$("$prefix/bin/acta" --help)
for cmd in build serve init; do echo "$help" | grep -q "^  $cmd " || fail "--help does not list $cmd"; done
"$prefix/bin/acta" serve --help | grep -q -- "--port" || fail "serve --help lacks --port"
"$prefix/bin/acta" build --help | grep -q -- "--quiet" || fail "build --help lacks --quiet"
"$prefix/bin/acta" init --help | grep -q "DIR" || fail "init --help lacks DIR"

cd "$prefix"
"$prefix/bin/acta" init site >/dev/null
cmp -s site/templates/layout.mustache "$source/templates/layout.mustache" || fail "init did not copy the installed templates"
cd site
"$prefix/bin/acta" build -q
[ -f public/index.html ] || fail "the initialised archive did not build"
[ -f public/doc/example.html ] || fail "the example document has no page"
echo "install test: ok"
