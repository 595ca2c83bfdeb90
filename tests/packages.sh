#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The two Debian packages as a kommun's IT technician gets them: built with
# CPack from the build directory, checked by lintian (no errors), unpacked into
# a temporary root and run from there — samkolld --help, a demo database and
# samkolld check on it, the backup script keeping the configured number of
# copies, the client's --version; the systemd units accepted by
# systemd-analyze verify with the service's exposure printed (and bounded);
# the desktop entry and the AppStream data validated.
# Usage: packages.sh BUILD_DIR
set -euo pipefail
build="$(cd "$1" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FEL: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack"; }
server_deb="$(ls "$work"/out/samkolld_*.deb)"
client_deb="$(ls "$work"/out/samkoll_*.deb)"
echo "paket: $(basename "$server_deb") $(basename "$client_deb")"

# lintian: no errors (warnings are printed).
if ! lintian --fail-on error "$server_deb" "$client_deb" >"$work/lintian.txt" 2>&1; then
    cat "$work/lintian.txt"
    fail "lintian hittade fel"
fi
grep -v "running with root privileges" "$work/lintian.txt" || true

# Dependencies are computed from the binaries, nothing bundled.
dpkg-deb -f "$server_deb" Depends | grep -q "libsqlite3-0" || fail "samkolld saknar beroendet på libsqlite3-0"
dpkg-deb -f "$client_deb" Depends | grep -q "libqt6quick6" || fail "samkoll saknar beroendet på libqt6quick6"
for deb in "$server_deb" "$client_deb"; do
    if dpkg-deb -c "$deb" | grep -E '\.so(\.[0-9]+)*$'; then fail "$(basename "$deb") bär med sig ett bibliotek"; fi
done
dpkg-deb -I "$server_deb" conffiles | grep -qx "/etc/samkoll/samkolld.conf" || fail "konfigurationen är ingen conffile"
for script in postinst prerm postrm; do
    dpkg-deb -I "$server_deb" "$script" >"$work/$script"
    sh -n "$work/$script" || fail "$script är inte giltigt sh"
done

root="$work/root"
dpkg-deb -x "$server_deb" "$root"
dpkg-deb -x "$client_deb" "$root"
export PATH="$root/usr/bin:$PATH"
[ "$(command -v samkolld)" = "$root/usr/bin/samkolld" ] || fail "samkolld ur paketet hittas inte"

samkolld --help >"$work/help.txt"
grep -q "samkolld serve" "$work/help.txt" || fail "samkolld --help visar inte serve"
samkolld demo --db "$work/demo.db" >/dev/null
samkolld check --db "$work/demo.db" | tee "$work/check.txt"
QT_QPA_PLATFORM=offscreen samkoll --version 2>/dev/null | grep -q "Samkoll" || fail "samkoll --version"

# The backup script of the timer, with the configuration's variables: three
# runs, two copies kept (the newest), each a sound database.
for run in 1 2 3; do
    SAMKOLL_DB="$work/demo.db" SAMKOLL_BACKUP_DIR="$work/backup" SAMKOLL_BACKUP_KEEP=2 \
        "$root/usr/lib/samkolld/samkolld-backup" >/dev/null
    [ "$run" -lt 3 ] && sleep 1.1
done
copies=$(ls "$work/backup" | wc -l)
[ "$copies" -eq 2 ] || fail "säkerhetskopiorna: $copies kvar, väntade 2"
for copy in "$work"/backup/*.db; do samkolld check --db "$copy" >/dev/null || fail "kopian $copy"; done
if SAMKOLL_DB="$work/demo.db" SAMKOLL_BACKUP_DIR="$work/backup" SAMKOLL_BACKUP_KEEP=x \
    "$root/usr/lib/samkolld/samkolld-backup" 2>"$work/keep.err"; then fail "ett felaktigt antal kopior godtogs"; fi
grep -q "SAMKOLL_BACKUP_KEEP" "$work/keep.err" || fail "felet namnger inte SAMKOLL_BACKUP_KEEP"
echo "säkerhetskopior: 3 körningar, 2 kvar, båda hela"

# The units, pointed at the unpacked root (verify checks that the programs exist).
mkdir -p "$work/units"
for unit in samkolld.service samkolld-backup.service samkolld-backup.timer; do
    sed -e "s|/usr/bin/samkolld|$root/usr/bin/samkolld|" -e "s|/usr/lib/samkolld/|$root/usr/lib/samkolld/|" \
        -e "s|/etc/samkoll/samkolld.conf|$root/etc/samkoll/samkolld.conf|" "$root/lib/systemd/system/$unit" >"$work/units/$unit"
done
(cd "$work/units" && systemd-analyze verify samkolld.service samkolld-backup.service samkolld-backup.timer) ||
    fail "systemd-analyze verify"
for unit in samkolld.service samkolld-backup.service; do
    level=$(cd "$work/units" && systemd-analyze security --offline=true "$unit" 2>/dev/null |
            sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
    echo "systemd-analyze security $unit: $level"
    [ -n "$level" ] || fail "ingen exponeringsnivå för $unit"
    awk -v l="$level" 'BEGIN { exit !(l <= 2.0) }' || fail "$unit exponeras för mycket ($level > 2.0)"
done

desktop-file-validate "$root/usr/share/applications/se.samkoll.Samkoll.desktop" || fail "skrivbordsfilen"
appstreamcli validate --no-net --pedantic "$root/usr/share/metainfo/se.samkoll.Samkoll.metainfo.xml" >/dev/null ||
    fail "AppStream-datan"
echo "paketen är hela"
