#!/usr/bin/env bash
# Provides a real kube-apiserver and etcd for the Kubernetes tests (issue 4, "Real parts in
# tests"), in the directory layout fabric8 kube-api-test 7.6.1 reads in offline mode:
#   ${CATALOG_KUBE_DIR:-$HOME/.cache/catalog/kube}/k8s/1.20.2-linux-amd64/{kube-apiserver,etcd,kubectl}
# No prebuilt binary can be downloaded here, so kube-apiserver is built from Debian bookworm's
# `kubernetes` source package (upstream v1.20.2 with vendored dependencies) using Debian's Go,
# fully offline; etcd comes from Debian's `etcd-server`. Idempotent: when the binaries of this
# recipe are already in place it only checks them and exits. Needs root (apt-get) on first run.
#
# The source package vendors github.com/modern-go/reflect2 1.0.1, which predates Go 1.18: built
# with Debian's Go 1.19 it reads the runtime's map iterator with the old layout, corrupts memory
# under load and panics on ordinary requests ("Observed a panic ... reflect2" in the server log).
# The vendored reflect2 and json-iterator are replaced by Debian's packaged ones (reflect2 1.0.2,
# json-iterator 1.1.12: the pair upstream Kubernetes moved to for Go 1.18) before `make`. The
# marker file records the recipe; a build from an older recipe has none and is rebuilt (issue 19).
set -euo pipefail

K8S_VERSION=1.20.2
# Bump when the build changes, so cached binaries of an older recipe are rebuilt.
RECIPE="recipe 2: vendored reflect2 and json-iterator replaced by Debian's (Go 1.18+ safe)"
KUBE_DIR="${CATALOG_KUBE_DIR:-$HOME/.cache/catalog/kube}"
BIN_DIR="$KUBE_DIR/k8s/${K8S_VERSION}-linux-amd64"
SRC_DIR="$KUBE_DIR/src"
MARKER="$BIN_DIR/BUILD-RECIPE"
started=$(date +%s)

elapsed() { echo "$(($(date +%s) - started))s"; }
say() { echo "[install-kube-apiserver +$(elapsed)] $*"; }

if [[ -x "$BIN_DIR/kube-apiserver" && -x "$BIN_DIR/etcd" && -x "$BIN_DIR/kubectl" ]] \
  && [[ $("$BIN_DIR/kube-apiserver" --version 2>/dev/null) == *"v${K8S_VERSION}"* ]] \
  && "$BIN_DIR/etcd" --version >/dev/null 2>&1 \
  && [[ -f "$MARKER" && $(cat "$MARKER") == "$RECIPE" ]]; then
  say "cached in $BIN_DIR: $("$BIN_DIR/kube-apiserver" --version), nothing to do"
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi

# deb-src lines for the machine's own Debian suites, so `apt-get source` finds the package.
enable_deb_src() {
  local target=/etc/apt/sources.list.d/catalog-deb-src.sources
  if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
    sed -e 's/^Types:.*$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
      | $SUDO tee "$target" >/dev/null
  elif [[ -f /etc/apt/sources.list ]]; then
    grep -E '^deb[[:space:]]' /etc/apt/sources.list | sed -e 's/^deb[[:space:]]/deb-src /' \
      | $SUDO tee /etc/apt/sources.list.d/catalog-deb-src.list >/dev/null
  else
    echo "no Debian apt sources found to derive deb-src lines from" >&2
    exit 1
  fi
}

if [[ -x "$BIN_DIR/kube-apiserver" ]]; then
  say "cached binaries in $BIN_DIR are not of this build recipe ($RECIPE): rebuilding"
fi

say "enabling deb-src and installing golang-go, etcd-server, Go libraries, rsync, make, dpkg-dev"
enable_deb_src
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
  golang-go etcd-server rsync make dpkg-dev xz-utils ca-certificates \
  golang-github-modern-go-reflect2-dev golang-github-json-iterator-go-dev >/dev/null
# Debian starts an etcd service when it can; the tests run their own on loopback ports.
$SUDO systemctl disable --now etcd >/dev/null 2>&1 || true
say "packages installed: $(go version)"

mkdir -p "$SRC_DIR" "$BIN_DIR"
tree=$(find "$SRC_DIR" -maxdepth 1 -mindepth 1 -type d -name 'kubernetes-*' -print -quit)
if [[ -z "$tree" || ! -f "$tree/cmd/kube-apiserver/apiserver.go" ]]; then
  say "downloading the kubernetes source package"
  rm -rf "${SRC_DIR:?}"/*
  (cd "$SRC_DIR" && apt-get source --download-only -qq kubernetes >/dev/null)
  dsc=$(find "$SRC_DIR" -maxdepth 1 -name 'kubernetes_*.dsc' -print -quit)
  (cd "$SRC_DIR" && dpkg-source --no-check -x "$dsc" >/dev/null)
  tree=$(find "$SRC_DIR" -maxdepth 1 -mindepth 1 -type d -name 'kubernetes-*' -print -quit)
  say "unpacked into $tree"
fi

# Replaces a vendored Go package by Debian's copy of it: its top-level sources only (no tests,
# no sub-packages), keeping the vendored BUILD file. The build runs in GOPATH mode
# (hack/lib/init.sh sets GO111MODULE=off), so vendor/ is read as it is; modules.txt and go.mod are
# updated too so that the tree says what it holds.
replace_vendored() {
  local module=$1 version=$2 debian_dir=/usr/share/gocode/src/$1
  local vendored="$tree/vendor/$module"
  [[ -f "$debian_dir/go.mod" ]] || { echo "$debian_dir is missing: is its -dev package installed?" >&2; exit 1; }
  find "$vendored" -maxdepth 1 -type f ! -name BUILD -delete
  find "$debian_dir" -maxdepth 1 -type f \( -name '*.go' -o -name '*.s' -o -name go.mod -o -name LICENSE \) \
    ! -name '*_test.go' -exec cp {} "$vendored/" \;
  sed -i -E "s#^(\# $module) v[0-9.]+ => $module v[0-9.]+#\1 $version => $module $version#; s#^(\# $module =>) $module v[0-9.]+#\1 $module $version#" \
    "$tree/vendor/modules.txt"
  sed -i -E "s#^(\t$module) v[0-9.]+\$#\1 $version#; s#^(\t$module => $module) v[0-9.]+\$#\1 $version#" "$tree/go.mod"
  say "vendored $module replaced by Debian's $version"
}
debian_version() { dpkg-query -W -f='${Version}' "$1" | sed -E 's/^([0-9.]+).*/v\1/'; }
replace_vendored github.com/modern-go/reflect2 "$(debian_version golang-github-modern-go-reflect2-dev)"
replace_vendored github.com/json-iterator/go "$(debian_version golang-github-json-iterator-go-dev)"

build() {
  local what=$1
  say "building $what (offline, vendored modules)"
  (cd "$tree" && env GOPROXY=off GOFLAGS=-mod=vendor CGO_ENABLED=0 \
    KUBE_GIT_VERSION="v${K8S_VERSION}" KUBE_GIT_TREE_STATE=clean \
    make WHAT="$what" >"$SRC_DIR/build-$(basename "$what").log" 2>&1) || {
    tail -40 "$SRC_DIR/build-$(basename "$what").log" >&2
    exit 1
  }
}
build cmd/kube-apiserver
build cmd/kubectl

out="$tree/_output/bin"
install -m 0755 "$out/kube-apiserver" "$BIN_DIR/kube-apiserver"
install -m 0755 "$out/kubectl" "$BIN_DIR/kubectl"
install -m 0755 "$(command -v etcd)" "$BIN_DIR/etcd"
printf '%s\n' "$RECIPE" >"$MARKER"
say "installed into $BIN_DIR: $("$BIN_DIR/kube-apiserver" --version), etcd $("$BIN_DIR/etcd" --version | sed -n 1p)"
# The source tree and Go build cache are only needed to build: drop them to save disk.
rm -rf "$tree" "$SRC_DIR"/*.tar.* "$SRC_DIR"/*.dsc
say "done"
