#!/usr/bin/env bash
# Compares jgrad with NumPy and PyTorch on the same workloads; see bench/README.md.
# Usage: bench/compare.sh [--quick] [--reps N] [--only W1,W4] [--no-memory-check] [--out FILE]
set -euo pipefail
cd "$(dirname "$0")/.."

# The peers are Debian's builds, used through /usr/bin/python3 (not a pyenv or venv python).
# libopenblas0-pthread matters: without it numpy and torch fall back to the reference BLAS.
PEER_PACKAGES=(python3-numpy python3-torch python3-threadpoolctl libopenblas0-pthread)
if ! dpkg -s "${PEER_PACKAGES[@]}" >/dev/null 2>&1; then
    if [[ $(id -u) -ne 0 ]]; then
        echo "compare.sh: the peers need root to install: apt-get install -y ${PEER_PACKAGES[*]}" >&2
        exit 1
    fi
    echo "compare.sh: installing ${PEER_PACKAGES[*]} (a few minutes, once)" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${PEER_PACKAGES[@]}" >/dev/null
fi

echo "compare.sh: building jgrad-core and jgrad-bench" >&2
mvn -q -DskipTests -pl jgrad-bench -am package

exec /usr/bin/python3 bench/compare.py "$@"
