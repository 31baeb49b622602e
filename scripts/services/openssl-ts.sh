#!/usr/bin/env bash
# The local RFC 3161 TSA of the tests and the demo answers with Debian's `openssl ts -reply`;
# this installs openssl when it is missing. The TSA itself is started by the tests and by
# `pnpm demo` (startLocalTsa in @sipansos/testkit) on 127.0.0.1 with a CA made in a temp folder.
set -euo pipefail
if command -v openssl >/dev/null 2>&1 && openssl ts -help >/dev/null 2>&1; then
  echo "openssl-ts: $(openssl version)"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "openssl-ts: openssl is missing and apt-get is not available; install openssl 3 by hand" >&2
  exit 1
fi
echo "openssl-ts: installing openssl (Debian package)"
apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssl >/dev/null
echo "openssl-ts: $(openssl version)"
