#!/usr/bin/env bash
# Builds the pinned Kubernetes tooling the chart tests use, once, into a git-ignored cache
# (.cache/k8s-bin). A binary already there at the pinned version is reused; CI's first run builds
# them (Kubernetes itself: about 13 minutes cold on 2 cores), later runs take seconds.
#   tools/k8s/build-tools.sh [helm|kubeconform|kwok|kubernetes|all]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN="${K8S_BIN:-$ROOT/.cache/k8s-bin}"
HELM_VERSION=v4.3.2
KUBECONFORM_VERSION=v0.8.0
KWOK_VERSION=v0.8.0
KUBE_VERSION=v1.37.2
mkdir -p "$BIN"
export GOFLAGS=-buildvcs=false CGO_ENABLED=0
NICE=(nice -n 10)

stamp_ok() { [[ -x "$BIN/$1" && -f "$BIN/.$1.version" && "$(cat "$BIN/.$1.version")" == "$2" ]]; }
stamp() { echo "$2" >"$BIN/.$1.version"; }

build_helm() {
  stamp_ok helm "$HELM_VERSION" && return 0
  echo "building helm $HELM_VERSION"
  GOBIN="$BIN" "${NICE[@]}" go install \
    -ldflags "-X helm.sh/helm/v4/internal/version.version=$HELM_VERSION" \
    "helm.sh/helm/v4/cmd/helm@$HELM_VERSION"
  stamp helm "$HELM_VERSION"
}

build_kubeconform() {
  stamp_ok kubeconform "$KUBECONFORM_VERSION" && return 0
  echo "building kubeconform $KUBECONFORM_VERSION"
  GOBIN="$BIN" "${NICE[@]}" go install "github.com/yannh/kubeconform/cmd/kubeconform@$KUBECONFORM_VERSION"
  stamp kubeconform "$KUBECONFORM_VERSION"
}

build_kwok() {
  stamp_ok kwok "$KWOK_VERSION" && return 0
  echo "building kwok $KWOK_VERSION"
  GOBIN="$BIN" "${NICE[@]}" go install "sigs.k8s.io/kwok/cmd/kwok@$KWOK_VERSION"
  stamp kwok "$KWOK_VERSION"
}

# k8s.io/kubernetes cannot be required as is (its go.mod replaces ./staging modules with local
# paths): a wrapper module requires it and replaces each staging module with its published v0.x.
build_kubernetes() {
  local all_ok=1
  for b in kube-apiserver kube-controller-manager kube-scheduler kubectl; do
    stamp_ok "$b" "$KUBE_VERSION" || all_ok=0
  done
  [[ $all_ok == 1 ]] && return 0
  echo "building kubernetes $KUBE_VERSION (kube-apiserver, kube-controller-manager, kube-scheduler, kubectl)"
  local wrap="$ROOT/.cache/k8s-wrapper"
  mkdir -p "$wrap"
  local staging="v0.${KUBE_VERSION#v1.}"
  local gomod
  gomod="$(go mod download -json "k8s.io/kubernetes@$KUBE_VERSION" | sed -n 's/.*"GoMod": "\(.*\)",/\1/p')"
  {
    echo "module hexfleet.local/k8s-wrapper"
    echo
    echo "go $(sed -n 's/^go \([0-9.]*\)$/\1/p' "$gomod")"
    echo
    echo "require k8s.io/kubernetes $KUBE_VERSION"
    echo
    echo "replace ("
    sed -n 's#^\s*\(k8s.io/[a-z0-9-]*\) => ./staging/.*#\t\1 => \1 '"$staging"'#p' "$gomod"
    echo ")"
  } >"$wrap/go.mod"
  cat >"$wrap/tools.go" <<'GO'
//go:build tools

package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager"
	_ "k8s.io/kubernetes/cmd/kube-scheduler"
	_ "k8s.io/kubernetes/cmd/kubectl"
)
GO
  (cd "$wrap" && go mod tidy -e >/dev/null 2>&1 || true)
  # tidy drops requirements only reachable through the tools build tag; resolve them explicitly
  (cd "$wrap" && GOFLAGS="-buildvcs=false -mod=mod" go get "k8s.io/kubernetes@$KUBE_VERSION" >/dev/null)
  local major="${KUBE_VERSION#v}"; major="${major%%.*}"
  local minor="${KUBE_VERSION#v*.}"; minor="${minor%%.*}"
  local ld="-s -w -X k8s.io/component-base/version.gitVersion=$KUBE_VERSION -X k8s.io/component-base/version.gitMajor=$major -X k8s.io/component-base/version.gitMinor=$minor -X k8s.io/component-base/version.gitTreeState=clean"
  for b in kube-apiserver kube-controller-manager kube-scheduler kubectl; do
    stamp_ok "$b" "$KUBE_VERSION" && continue
    echo "  go build $b"
    (cd "$wrap" && GOFLAGS="-buildvcs=false -mod=mod" "${NICE[@]}" go build -ldflags "$ld" -o "$BIN/$b" "k8s.io/kubernetes/cmd/$b")
    stamp "$b" "$KUBE_VERSION"
  done
}

what="${1:-all}"
case "$what" in
  helm) build_helm ;;
  kubeconform) build_kubeconform ;;
  kwok) build_kwok ;;
  kubernetes) build_kubernetes ;;
  all) build_helm; build_kubeconform; build_kwok; build_kubernetes ;;
  *) echo "unknown tool: $what" >&2; exit 2 ;;
esac
