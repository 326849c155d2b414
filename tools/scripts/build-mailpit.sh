#!/usr/bin/env bash
# Builds Mailpit (the development SMTP server with a web inbox and an API) from its pinned Go
# module, once per machine, into the git-ignored .cache/bin. Used by .ci/run, the devstack and
# the test harness (libs/testing). A stamp file beside the binary holds the version it was built at.
set -euo pipefail
cd "$(dirname "$0")/../.."
version="${MAILPIT_VERSION:-v1.33.1}"
bin=".cache/bin/mailpit"
stamp=".cache/bin/mailpit.version"
if [ -x "$bin" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$version" ]; then
  echo "mailpit $version already built ($bin)"
  exit 0
fi
command -v go >/dev/null || { echo "Go is needed to build Mailpit (go install github.com/axllent/mailpit@$version)" >&2; exit 1; }
mkdir -p .cache/bin
echo "building mailpit $version (go install, once per machine)"
for attempt in 1 2 3; do
  if GOBIN="$PWD/.cache/bin" GOFLAGS=-buildvcs=false go install "github.com/axllent/mailpit@$version"; then
    echo "$version" > "$stamp"
    echo "mailpit $version built ($bin)"
    exit 0
  fi
  echo "go install failed (attempt $attempt), retrying" >&2
  sleep $((attempt * 5))
done
exit 1
