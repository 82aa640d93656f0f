#!/usr/bin/env bash
# `npm run demo`: Arbiter with demo data, in the foreground, until Ctrl-C.
# Starts PostgreSQL and Redis on 127.0.0.1 if they are down, installs, builds, migrates the
# database `arbiter`, starts the built api and worker with the pipelines of ./pipelines, a demo
# API key and an admin, creates a reviewer and a lead through the API, submits two sample
# outputs, prints their decisions, the logins, the web UI's address and the curl lines to try it
# yourself. Safe to run again: seeding only happens on an empty database, the demo key is always
# the same and existing users are kept. Override with PORT, DATABASE_URL, REDIS_URL and
# ARBITER_WORKER_METRICS_PORT if you must.
set -euo pipefail
cd "$(dirname "$0")/.."

export PORT=${PORT:-3000}
export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/arbiter}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
export ARBITER_WORKER_METRICS_PORT=${ARBITER_WORKER_METRICS_PORT:-9464}
export ARBITER_PIPELINES_DIR=pipelines
export ARBITER_BOOTSTRAP_API_KEY=arb_demo_0123456789abcdef
export ARBITER_BOOTSTRAP_ADMIN_EMAIL=admin@arbiter.local
export ARBITER_BOOTSTRAP_ADMIN_PASSWORD=demo-admin-password
# A fixed secret so tokens from a login survive a restart of the demo (never do this in production).
export ARBITER_JWT_SECRET=demo-only-jwt-secret-0123456789abcdef
REVIEWER_EMAIL=reviewer@arbiter.local
REVIEWER_PASSWORD=demo-reviewer-password
LEAD_EMAIL=lead@arbiter.local
LEAD_PASSWORD=demo-lead-password
export LOG_LEVEL=${LOG_LEVEL:-info}
BASE=http://127.0.0.1:$PORT
KEY=$ARBITER_BOOTSTRAP_API_KEY
LOGS=.demo
mkdir -p "$LOGS"

say() { printf '\n\033[1m%s\033[0m\n' "$*"; }

# ── PostgreSQL and Redis (the same way as .ci/run) ───────────────────────────────────────
pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }
redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }
if ! pg_up; then
  say "starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
  for _ in $(seq 1 30); do pg_up && break; sleep 1; done
fi
if ! redis_up; then
  say "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
  for _ in $(seq 1 30); do redis_up && break; sleep 1; done
fi
pg_up || { echo "PostgreSQL is not reachable on 127.0.0.1:5432"; exit 1; }
redis_up || { echo "Redis is not reachable on 127.0.0.1:6379"; exit 1; }

# ── install, build, migrate ──────────────────────────────────────────────────────────────
# shellcheck source=use-node.sh
source scripts/use-node.sh # Node 24 LTS, installed into .tools/ if this machine's is older
if [ ! -d node_modules ]; then
  say "npm ci"
  npm ci --no-audit --no-fund
fi
say "build and migrate ($DATABASE_URL)"
npm run -s migrate # builds first

if curl -fs -o /dev/null "$BASE/health"; then
  echo "Something already answers on $BASE (another demo?). Stop it, or run with PORT=<free port>."
  exit 1
fi

# ── api + worker ─────────────────────────────────────────────────────────────────────────
API_PID=
WORKER_PID=
stop() {
  trap - INT TERM EXIT
  say "stopping api and worker"
  for pid in $API_PID $WORKER_PID; do kill -TERM "$pid" 2>/dev/null || true; done
  # Graceful shutdown lets in-flight requests and jobs finish; give it 15 s, then insist.
  for _ in $(seq 1 30); do
    alive=0
    for pid in $API_PID $WORKER_PID; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" -eq 0 ] && break
    sleep 0.5
  done
  for pid in $API_PID $WORKER_PID; do kill -KILL "$pid" 2>/dev/null || true; done
  echo "stopped"
}
trap 'stop; exit 130' INT TERM
trap stop EXIT

node --enable-source-maps dist/apps/api/src/main.js >"$LOGS/api.log" 2>&1 &
API_PID=$!
node --enable-source-maps dist/apps/worker/src/main.js >"$LOGS/worker.log" 2>&1 &
WORKER_PID=$!
say "api (pid $API_PID) and worker (pid $WORKER_PID) starting; logs in $LOGS/api.log, $LOGS/worker.log"

for i in $(seq 1 60); do
  curl -fs -o /dev/null "$BASE/health" && break
  for pid in $API_PID $WORKER_PID; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "a process exited during start; the end of its log:"
      tail -n 30 "$LOGS/api.log" "$LOGS/worker.log"
      exit 1
    fi
  done
  [ "$i" -eq 60 ] && { echo "the api did not become healthy in 30 s; see $LOGS/api.log"; exit 1; }
  sleep 0.5
done
echo "healthy: $(curl -s "$BASE/health")"

# The seed only runs on an empty database: check that the demo key and admin are the ones in use.
probe=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $KEY" \
  "$BASE/v1/submissions/00000000-0000-4000-8000-000000000000")
if [ "$probe" != "404" ]; then
  echo "The database in $DATABASE_URL already has API keys, and the demo key is not one of them"
  echo "(GET answered $probe). Run with DATABASE_URL=postgres://postgres@127.0.0.1:5432/arbiter_demo"
  exit 1
fi

# ── a reviewer and a lead for the web UI, through the API as an admin would ──────────────
TOKEN=$(curl -s -X POST "$BASE/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$ARBITER_BOOTSTRAP_ADMIN_EMAIL\",\"password\":\"$ARBITER_BOOTSTRAP_ADMIN_PASSWORD\"}" |
  node -e 'let s="";process.stdin.on("data",(d)=>(s+=d)).on("end",()=>{try{process.stdout.write(JSON.parse(s).accessToken??"")}catch{}})')
if [ -z "$TOKEN" ]; then
  echo "The demo admin $ARBITER_BOOTSTRAP_ADMIN_EMAIL cannot log in: the database in $DATABASE_URL was"
  echo "seeded with other users. Run with DATABASE_URL=postgres://postgres@127.0.0.1:5432/arbiter_demo"
  exit 1
fi
ensure_user() { # $1 email, $2 password, $3 role, $4 queues (JSON list)
  local code
  code=$(curl -s -o "$LOGS/user.json" -w '%{http_code}' -X POST "$BASE/v1/users" \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$2\",\"role\":\"$3\",\"queues\":$4}")
  case $code in
    201) echo "created the $3 $1" ;;
    409) echo "the $3 $1 exists already (kept as it is)" ;;
    *) echo "could not create the $3 $1 (HTTP $code): $(cat "$LOGS/user.json")"; exit 1 ;;
  esac
}
say "reviewer and lead"
ensure_user "$REVIEWER_EMAIL" "$REVIEWER_PASSWORD" reviewer '["demo"]'
ensure_user "$LEAD_EMAIL" "$LEAD_PASSWORD" lead '[]'

# ── two sample outputs ───────────────────────────────────────────────────────────────────
submit() { # $1 = JSON body; prints the decision
  curl -s -X POST "$BASE/v1/submissions?wait=5000" -H "Authorization: Bearer $KEY" \
    -H 'Content-Type: application/json' -d "$1" |
    node -e 'let s="";process.stdin.on("data",(d)=>(s+=d)).on("end",()=>{const v=JSON.parse(s);
      console.log(JSON.stringify({id:v.id,status:v.status,confidence:v.confidence,
      route:v.decision?.route,decidedBy:v.decision?.decidedBy,reasons:v.decision?.reasons,
      flags:v.decision?.flags},null,2))})'
}
CONTEXT='[{"id":"kb-12","text":"Refunds are issued within 14 days of the return being received. Items must be unused and in their original packaging. Shipping costs are not refunded."}]'
say "1. a grounded answer (every claim is in the context) → expected: approved"
submit '{"pipeline":"demo","input":{"prompt":"How long do refunds take?","context":'"$CONTEXT"'},
  "output":{"text":"Refunds are issued within 14 days of the return being received. Shipping costs are not refunded.",
  "samples":["Refunds are issued within 14 days of the return being received. Shipping costs are not refunded.",
             "Refunds are issued within 14 days once the return is received; shipping costs are not refunded."]},
  "model":{"provider":"openai","name":"gpt-4o-mini"}}'
say "2. an answer the context does not support → expected: human_review or ai_review"
submit '{"pipeline":"demo","input":{"prompt":"How long do refunds take?","context":'"$CONTEXT"'},
  "output":{"text":"Refunds are instant and we also refund shipping, plus a 20% voucher for your next order.",
  "samples":["Refunds take about a week and include shipping.","You get store credit only, no cash refunds."]},
  "model":{"provider":"openai","name":"gpt-4o-mini"}}'

cat <<EOF

$(printf '\033[1m%s\033[0m' "Arbiter is running") — api $BASE (docs: $BASE/docs), worker metrics :$ARBITER_WORKER_METRICS_PORT/metrics
  web UI:        $BASE/
  reviewer:      $REVIEWER_EMAIL / $REVIEWER_PASSWORD   (queue demo: claim and decide)
  lead:          $LEAD_EMAIL / $LEAD_PASSWORD   (the live dashboard)
  admin:         $ARBITER_BOOTSTRAP_ADMIN_EMAIL / $ARBITER_BOOTSTRAP_ADMIN_PASSWORD
  demo API key:  $KEY

Demo traffic, about 2 a second for 2 minutes, then the share that went to each route:
  npm run demo:traffic -- --base $BASE

Submit an output (add ?wait=5000 to get the decision in the answer):
  curl -s -X POST '$BASE/v1/submissions' -H 'Authorization: Bearer $KEY' -H 'Content-Type: application/json' -d '{"pipeline":"demo","input":{"context":[{"id":"kb-1","text":"The store opens at 9 am."}]},"output":{"text":"The store opens at 9 am."},"model":{"provider":"openai","name":"gpt-4o-mini"}}'
Read it (use the id from the answer):
  curl -s '$BASE/v1/submissions/<id>' -H 'Authorization: Bearer $KEY'
Log in as the admin and look at the demo pipeline:
  TOKEN=\$(curl -s -X POST '$BASE/v1/auth/login' -H 'Content-Type: application/json' -d '{"email":"$ARBITER_BOOTSTRAP_ADMIN_EMAIL","password":"$ARBITER_BOOTSTRAP_ADMIN_PASSWORD"}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).accessToken')
  curl -s '$BASE/v1/pipelines/demo' -H "Authorization: Bearer \$TOKEN"

Ctrl-C stops the api and the worker.
EOF

# Foreground until Ctrl-C, or until one of the two dies (then the other is stopped too).
while kill -0 "$API_PID" 2>/dev/null && kill -0 "$WORKER_PID" 2>/dev/null; do
  sleep 1 &
  wait $! || true
done
echo "a process exited; the end of the logs:"
tail -n 20 "$LOGS/api.log" "$LOGS/worker.log"
exit 1
