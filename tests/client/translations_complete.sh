#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every user-visible string of the client has a Swedish translation: lupdate
# re-reads the sources into a copy of samkoll_sv.ts, which must then have no
# unfinished entry. Usage: translations_complete.sh LUPDATE CLIENT_SOURCE_DIR
set -euo pipefail
lupdate="$1"; client="$2"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cp "$client/i18n/samkoll_sv.ts" "$work/sv.ts"
"$lupdate" -silent -no-obsolete -locations none "$client/qml" "$client/src" -ts "$work/sv.ts" >/dev/null 2>&1
missing=$(grep -c 'type="unfinished"' "$work/sv.ts" || true)
if [ "$missing" -ne 0 ]; then
    echo "$missing texter saknar svensk översättning:"
    grep -B2 'type="unfinished"' "$work/sv.ts" | grep '<source>' | sed 's/ *<source>/  /; s/<\/source>//'
    exit 1
fi
echo "svenska översättningen är komplett ($(grep -c '<message' "$work/sv.ts") texter)"
