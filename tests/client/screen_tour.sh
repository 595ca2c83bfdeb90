#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The real client in a virtual display against the real server with the demo
# förbund: enrols as the Vännäs coordinator, goes through the main screens,
# saves a screenshot of each and fails on any QML warning.
# Usage: screen_tour.sh SAMKOLLD SAMKOLL OUTDIR
set -euo pipefail
samkolld="$1"; samkoll="$2"; out="$3"
work="$(mktemp -d)"
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

"$samkolld" demo --db "$work/server.db" >/dev/null
"$samkolld" cert --cert "$work/cert.pem" --key "$work/key.pem" --host localhost >/dev/null
"$samkolld" user add --db "$work/server.db" --login anna --role coordinator --team vannas >/dev/null
"$samkolld" user add --db "$work/server.db" --login britt --role board >/dev/null
"$samkolld" user add --db "$work/server.db" --login karin --role central_office >/dev/null
# 2020 approved by the board: the Period screen shows an approved year beside an open one.
"$samkolld" lock --db "$work/server.db" --year 2020 --by "Styrelsen 2021-03-15 § 8" >/dev/null
code="$("$samkolld" enrol-code --db "$work/server.db" --login anna | head -1)"
board_code="$("$samkolld" enrol-code --db "$work/server.db" --login britt | head -1)"
office_code="$("$samkolld" enrol-code --db "$work/server.db" --login karin | head -1)"

"$samkolld" serve --db "$work/server.db" --cert "$work/cert.pem" --key "$work/key.pem" \
    --address 127.0.0.1 --port 0 >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do grep -q "lyssnar på" "$work/serve.log" && break; sleep 0.1; done
port="$(grep -o '127.0.0.1:[0-9]*' "$work/serve.log" | head -1 | cut -d: -f2)"
[ -n "$port" ] || { echo "servern startade inte"; cat "$work/serve.log"; exit 1; }

rm -rf "$out"; mkdir -p "$out"
# One tour: enrol a device of its own with CODE, go through its screens on a
# 1280×800 screen at SCALE (1 = 100 %), save the shots in DIR, and fail on an
# exit code, a QML warning or a missing screenshot.
# Usage: tour NAME CODE SCALE DIR SHOT…
tour() {
    local name="$1" enrol_code="$2" scale="$3" dir="$4"; shift 4
    mkdir -p "$dir"
    QT_SCALE_FACTOR="$scale" timeout 90 xvfb-run -a -s "-screen 0 1280x800x24" \
        "$samkoll" --data "$work/$name" --lang sv --sync-interval 0 \
        --enrol "https://localhost:$port" --code "$enrol_code" --ca "$work/cert.pem" --tour "$dir" 2>&1 | tee "$work/$name.log"
    local status=${PIPESTATUS[0]}
    [ "$status" -eq 0 ] || { echo "klienten ($name) avslutades med $status"; exit 1; }
    grep -q "QML-varningar: 0" "$work/$name.log" || { echo "QML-varningar under rundturen ($name)"; exit 1; }
    for shot in "$@"; do
        [ -s "$dir/$shot.png" ] || { echo "skärmbild saknas: $dir/$shot.png"; exit 1; }
    done
}
tour client "$code" 1 "$out" arenden nytt-arende arende-fel synk
# The same as a board member: the board's screens.
tour board "$board_code" 1 "$out" styrelse-forbundet styrelse-utveckling styrelse-budget styrelse-rapport
# And as the kansli: its own screens.
tour office "$office_code" 1 "$out" kansli-forbundet kansli-utveckling kansli-bedomningar kansli-ekonomi kansli-styrelsen kansli-social-budget kansli-utfall kansli-perioder kansli-anvandare
# And the coordinator's day at 150 % on the same 1280×800 screen (a second device of the team).
code150="$("$samkolld" enrol-code --db "$work/server.db" --login anna | head -1)"
tour client150 "$code150" 1.5 "$out/150" oversikt arenden nytt-arende enkater synk
echo "rundturen klar: $(ls "$out" | wc -l) skärmbilder i $out"
