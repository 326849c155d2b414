#!/usr/bin/env bash
# A throw-away Kubernetes control plane with fake nodes, for the chart's install test:
# etcd (Debian's etcd-server), kube-apiserver, kube-controller-manager and kube-scheduler
# (built by tools/k8s/build-tools.sh), and kwok faking two nodes, so pods are scheduled and
# report ready (and Job pods complete) without any container runtime.
#   tools/k8s/cluster.sh start <dir>   # prints nothing but progress; writes <dir>/kubeconfig
#   tools/k8s/cluster.sh stop <dir>    # stops what start started (by the pids it recorded)
# Everything listens on 127.0.0.1 at free ports, so several runs on one machine do not collide.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN="${K8S_BIN:-$ROOT/.cache/k8s-bin}"
cmd="${1:?start|stop}"
DIR="${2:?state directory}"
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

launch() { # name, command...
  local name="$1"; shift
  "$@" >"$DIR/$name.log" 2>&1 &
  echo $! >"$DIR/$name.pid"
}

stop() {
  for name in kwok kube-scheduler kube-controller-manager kube-apiserver etcd; do
    if [[ -f "$DIR/$name.pid" ]]; then
      local pid; pid="$(cat "$DIR/$name.pid")"
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$DIR/$name.pid"
    fi
  done
}

wait_for() { # what, seconds, command...
  local what="$1" seconds="$2"; shift 2
  for _ in $(seq $((seconds * 5))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "$what did not come up in ${seconds}s; its log:" >&2
  tail -20 "$DIR/$what.log" >&2 || true
  return 1
}

start() {
  command -v etcd >/dev/null || { echo "etcd not found: apt-get install etcd-server" >&2; exit 1; }
  local etcd_port etcd_peer api_port
  etcd_port="$(free_port)"; etcd_peer="$(free_port)"; api_port="$(free_port)"
  launch etcd etcd --name test --data-dir "$DIR/etcd" \
    --listen-client-urls "http://127.0.0.1:$etcd_port" --advertise-client-urls "http://127.0.0.1:$etcd_port" \
    --listen-peer-urls "http://127.0.0.1:$etcd_peer" --initial-advertise-peer-urls "http://127.0.0.1:$etcd_peer" \
    --initial-cluster "test=http://127.0.0.1:$etcd_peer" --log-level error
  wait_for etcd 30 curl -sf "http://127.0.0.1:$etcd_port/health"

  [[ -f "$DIR/sa.key" ]] || openssl genrsa -out "$DIR/sa.key" 2048 2>/dev/null
  echo 'admintoken,admin,admin,"system:masters"' >"$DIR/tokens.csv"
  mkdir -p "$DIR/certs"
  launch kube-apiserver "$BIN/kube-apiserver" \
    --etcd-servers="http://127.0.0.1:$etcd_port" --bind-address=127.0.0.1 --secure-port="$api_port" \
    --advertise-address=127.0.0.1 --endpoint-reconciler-type=none --cert-dir="$DIR/certs" \
    --service-account-issuer=https://kubernetes.default.svc \
    --service-account-key-file="$DIR/sa.key" --service-account-signing-key-file="$DIR/sa.key" \
    --token-auth-file="$DIR/tokens.csv" --authorization-mode=RBAC \
    --service-cluster-ip-range=10.96.0.0/24 --allow-privileged=false
  cat >"$DIR/kubeconfig" <<KC
apiVersion: v1
kind: Config
clusters:
  - name: test
    cluster:
      server: https://127.0.0.1:$api_port
      insecure-skip-tls-verify: true
users:
  - name: admin
    user:
      token: admintoken
contexts:
  - name: test
    context: { cluster: test, user: admin, namespace: default }
current-context: test
KC
  export KUBECONFIG="$DIR/kubeconfig"
  wait_for kube-apiserver 90 "$BIN/kubectl" get --raw /readyz

  # Node lifecycle (lifts the not-ready taint once kwok reports the node ready), Deployments,
  # ReplicaSets, Jobs, service accounts, garbage collection. Nothing it needs a cloud or IPAM for.
  launch kube-controller-manager "$BIN/kube-controller-manager" --kubeconfig="$DIR/kubeconfig" \
    --authentication-kubeconfig="$DIR/kubeconfig" --authorization-kubeconfig="$DIR/kubeconfig" \
    --leader-elect=false --bind-address=127.0.0.1 --secure-port="$(free_port)" \
    --service-account-private-key-file="$DIR/sa.key" --root-ca-file="$DIR/certs/apiserver.crt" \
    --use-service-account-credentials=false \
    --node-monitor-grace-period=40s
  launch kube-scheduler "$BIN/kube-scheduler" --kubeconfig="$DIR/kubeconfig" \
    --authentication-kubeconfig="$DIR/kubeconfig" --authorization-kubeconfig="$DIR/kubeconfig" \
    --leader-elect=false --bind-address=127.0.0.1 --secure-port="$(free_port)"

  local stages
  stages="$(go env GOMODCACHE)/sigs.k8s.io/kwok@$(cat "$BIN/.kwok.version")/kustomize/stage"
  [[ -d "$stages" ]] || (cd /tmp && go mod download "sigs.k8s.io/kwok@$(cat "$BIN/.kwok.version")")
  # kwok's own stages; a pod's steps (created, ready, completed) wait 100 ms instead of 1-6 s: helm runs
  # the pre-install Jobs one after another, and each waits for its pod to complete.
  cat "$stages"/node/fast/node-initialize.yaml <(echo ---) "$stages"/node/heartbeat/node-heartbeat.yaml \
    <(echo ---) <(for f in "$stages"/pod/general/pod-*.yaml; do
      sed -e 's/durationMilliseconds: 1000$/durationMilliseconds: 100/' -e 's/jitterDurationMilliseconds: 5000$/jitterDurationMilliseconds: 0/' "$f"
      echo ---
    done) >"$DIR/kwok-stages.yaml"
  launch kwok "$BIN/kwok" --kubeconfig="$DIR/kubeconfig" --manage-all-nodes=false \
    --manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake \
    --server-address=127.0.0.1:"$(free_port)" --config="$DIR/kwok-stages.yaml"

  for zone in a b; do
    "$BIN/kubectl" apply -f - >/dev/null <<NODE
apiVersion: v1
kind: Node
metadata:
  name: fake-$zone
  annotations:
    kwok.x-k8s.io/node: fake
  labels:
    type: kwok
    kubernetes.io/hostname: fake-$zone
    kubernetes.io/os: linux
    kubernetes.io/arch: amd64
    topology.kubernetes.io/zone: zone-$zone
status:
  allocatable: { cpu: "32", memory: 128Gi, pods: "110" }
  capacity: { cpu: "32", memory: 128Gi, pods: "110" }
NODE
  done
  wait_for kwok 60 bash -c "'$BIN/kubectl' get nodes -o jsonpath='{.items[*].status.conditions[?(@.type==\"Ready\")].status}' | grep -q '^True True$'"
  wait_for kube-controller-manager 60 bash -c "[[ -z \"\$('$BIN/kubectl' get nodes -o jsonpath='{.items[*].spec.taints}')\" ]]"
  wait_for kube-controller-manager 30 "$BIN/kubectl" get serviceaccount default -n default
}

case "$cmd" in
  start) start || { stop; exit 1; } ;;
  stop) stop ;;
  *) echo "unknown command: $cmd" >&2; exit 2 ;;
esac
