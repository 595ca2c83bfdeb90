# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by scripts/demo and scripts/test: install what is missing, then build.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/samkoll-ccache}"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Installs the packages of scripts/deps.txt (and any given as arguments) that are missing.
ensure_deps() {
    local wanted missing=()
    wanted=$(grep -v '^\s*#' "$ROOT/scripts/deps.txt" | grep -v '^\s*$')
    for pkg in $wanted "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$pkg")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    say "Installerar saknade paket: ${missing[*]}"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo="sudo"
        else
            echo "Paketen ${missing[*]} saknas och varken root eller sudo finns. Installera dem och försök igen." >&2
            exit 1
        fi
    fi
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# build PRESET [TARGET…] — configure (once) and build (everything, or the targets) with two jobs.
build() {
    local preset="$1"; shift
    cd "$ROOT"
    if [ ! -f "build/$preset/build.ninja" ]; then
        say "Konfigurerar ($preset)"
        cmake --preset "$preset" >/dev/null
    fi
    say "Bygger ($preset)"
    if [ $# -gt 0 ]; then
        cmake --build --preset "$preset" --target "$@"
    else
        cmake --build --preset "$preset"
    fi
}
