#!/usr/bin/env bash
# What a citizen's phone shows after scanning the kiosk's QR code: starts a
# backend, makes a handoff link for a service, and saves a screenshot of the
# page at a phone's width with headless Chromium.
#
# Needs Debian's chromium (and fonts-noto-cjk for Chinese):
#   apt-get install chromium fonts-noto-cjk
# Usage: scripts/phone-screenshot.sh [SERVICE] [LANG] [OUT.png]
#   e.g. scripts/phone-screenshot.sh passport-application en-US passport.png
set -euo pipefail
service=${1:-id-card-renewal}
lang=${2:-zh-CN}
out=$(realpath -m "${3:-phone.png}")
cd "$(dirname "$0")/.."

cargo build --release --quiet
data=$(mktemp -d)
"${CARGO_TARGET_DIR:-target}"/release/onestop --data-dir "$data" serve --listen 127.0.0.1:0 > "$data/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$data"' EXIT
base=""
for _ in $(seq 100); do
  base=$(sed -n 's/^onestop backend listening on //p' "$data/serve.log")
  [ -n "$base" ] && break
  sleep 0.1
done
[ -n "$base" ] || { cat "$data/serve.log"; exit 1; }

url=$(curl -sf -X POST -H 'content-type: application/json' \
  -d "{\"service\":\"$service\",\"lang\":\"$lang\"}" "$base/api/v1/handoffs" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["url"])')

chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$data/chrome" --hide-scrollbars --window-size=360,1400 \
  --enable-logging=stderr --v=0 \
  --screenshot="$out" "$url" 2>"$data/chromium.log"
# The pages' Content-Security-Policy allows only their own inline style:
# anything it blocks, Chromium reports on its console.
if grep -q "Content Security Policy" "$data/chromium.log"; then
  grep "Content Security Policy" "$data/chromium.log" >&2
  echo "the page broke its own Content-Security-Policy" >&2
  exit 1
fi
echo "saved $out (the page at $url, 360 pixels wide)"
