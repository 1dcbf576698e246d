#!/usr/bin/env bash
# Fuzzes the backend from its own OpenAPI document: starts a real
# `onestop serve` on a free loopback port with a fresh data directory, runs
# schemathesis with every check against it, and stops it again. Exits
# non-zero on any server error or any answer that disagrees with
# /openapi.json (status, content type, headers, body schema; invalid data
# accepted, valid data refused; undocumented methods not answered 405).
#
# Bounded: a fixed number of examples per operation and a fixed seed, so a
# run takes the same requests each time and under ~3 minutes on 2 cores.
#
#   scripts/api-fuzz.sh            # builds the debug binary first
#   ONESTOP_BIN=path/to/onestop scripts/api-fuzz.sh
#   API_FUZZ_EXAMPLES=200 scripts/api-fuzz.sh   # a longer, deeper run
#   ONESTOP__SERVER__DATABASE=postgres://… scripts/api-fuzz.sh   # on PostgreSQL
#
# Needs schemathesis (PyPI): pip install 'schemathesis==4.32.5'
set -euo pipefail
cd "$(dirname "$0")/.."

examples=${API_FUZZ_EXAMPLES:-100}
seed=${API_FUZZ_SEED:-20261130}

if ! command -v schemathesis >/dev/null 2>&1; then
  echo "api-fuzz: schemathesis is not installed; install it with: pip install 'schemathesis==4.32.5'" >&2
  exit 3
fi

bin=${ONESTOP_BIN:-}
if [ -z "$bin" ]; then
  cargo build --quiet --bin onestop
  bin="${CARGO_TARGET_DIR:-target}/debug/onestop"
fi

work=$(mktemp -d)
server=""
stop() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop EXIT

# The kiosk routes need a kiosk's token: one made as staff would.
token=$("$bin" --data-dir "$work/data" token create --role kiosk --hall binjiang --name api-fuzz 2>"$work/token.log") || {
  echo "api-fuzz: no token could be made:" >&2
  cat "$work/token.log" >&2
  exit 1
}

# Port 0: the kernel picks a free port; the server prints the one it got.
# The phone pages' per-address limit and the holds a kiosk may make a
# minute are raised out of the way: every request here comes from one
# address and one token, and the limits have tests of their own.
ONESTOP__LOG__LEVEL=warn ONESTOP__HANDOFF__LOOKUPS_PER_MINUTE=1000000 \
  ONESTOP__BOOKING__HOLDS_PER_KIOSK_PER_MINUTE=1000000 ONESTOP__BOOKING__HOLDS_PER_HALL_PER_MINUTE=1000000 \
  "$bin" --data-dir "$work/data" serve --listen 127.0.0.1:0 >"$work/stdout" 2>"$work/server.log" &
server=$!
url=""
for _ in $(seq 1 300); do
  url=$(sed -n 's/^onestop backend listening on \(http:[^ ]*\)$/\1/p' "$work/stdout")
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "api-fuzz: the server did not start:" >&2
  cat "$work/server.log" >&2
  exit 1
fi
echo "api-fuzz: fuzzing $url ($examples examples per operation, seed $seed)"

# What a schema cannot promise: that an id of the right shape exists. A
# well-formed request may therefore be answered "no such thing" (404, or
# 422 naming the field for an id inside a body or query), "gone" (410: a
# hold that ran out) or "conflict" (409: the slot is full) and still be a
# correct answer; anything else for valid data is a failure. Invalid data
# may also be refused as too large (413: the phone form is 1 KiB at most).
# The hall's event stream never ends (Server-Sent Events): each request
# would wait out the timeout, so it is left to tests/queue_api.rs.
# The fuzzer's token is binjiang's kiosk's: a hold at another hall, or a
# window's action, is rightly refused (403), before the body is read. And
# a phone form past 1 KiB is refused (413, as documented) even when every
# field in it is one the schema allows.
cat >"$work/schemathesis.toml" <<'EOF'
[checks.positive_data_acceptance]
expected-statuses = ["2xx", "3xx", "403", "404", "409", "410", "413", "422", "429"]

[checks.negative_data_rejection]
expected-statuses = ["400", "403", "404", "405", "406", "409", "413", "415", "422", "428", "429"]
EOF

# Every request carries the kiosk's token, so the staff routes (a hall's
# ratings, the reports' list) answer only 403 `wrong_role`, and a rating
# (finished tickets only, none here) 403/404/422: schemathesis warns that
# they "returned only 401/403". Their answers past the token are checked by
# tests/ratings*.rs and tests/reports.rs against a real server.
# From the temporary directory: schemathesis keeps its state (.schemathesis/)
# where it runs, and nothing of a run belongs in the checkout.
status=0
(cd "$work" && schemathesis --config-file "$work/schemathesis.toml" run "$url/openapi.json" \
  --checks all \
  --header "Authorization: Bearer $token" \
  --exclude-path '/api/v1/halls/{hall}/events' \
  --phases examples,coverage,fuzzing,stateful \
  --max-examples "$examples" \
  --seed "$seed" \
  --generation-database none \
  --workers 1 \
  --request-timeout 10 \
  --no-color \
  --report junit --report-dir "$work/report") \
  || status=$?

if grep -q "panicked" "$work/server.log"; then
  echo "api-fuzz: the server panicked:" >&2
  grep -A5 "panicked" "$work/server.log" >&2
  status=1
fi
if [ "$status" -ne 0 ]; then
  echo "api-fuzz: FAILED (schemathesis exit $status)" >&2
fi
exit "$status"
