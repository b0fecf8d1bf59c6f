#!/usr/bin/env bash
# Runs the catalog benchmark scenarios (issue 7) and prints a table of medians with each
# scenario's ratio to its floor, measured in the same run. One command: bench/run.sh
# Options (env): RUNS (default 3), N (default 10000), BIG_N (default 100000), LATENCY_MS (20),
# PORT (18090), WORK (default target/bench), STARTUP_RUNS (30), SCENARIOS (default "startup plan
# refresh brokers apply secrets big": the ones to run, e.g. SCENARIOS=refresh), CATALOG (the launcher
# measured, default bin/catalog: point it at another build's bin/catalog to measure a baseline
# with the same generator and broker, e.g. CATALOG=/tmp/base/bin/catalog), BUILD (1; 0 reuses
# target/ as built, for A/B runs one scenario at a time). Needs: java 17+, mvn,
# curl, /usr/bin/time; hyperfine if present, for the start-up rows (1 ms resolution).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
N=${N:-10000}
BIG_N=${BIG_N:-100000}
LATENCY_MS=${LATENCY_MS:-20}
PORT=${PORT:-18090}
WORK=${WORK:-target/bench}
SCENARIOS=${SCENARIOS:-startup plan refresh brokers apply secrets big}
CATALOG=${CATALOG:-bin/catalog}
want() { case " $SCENARIOS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

if [ "${BUILD:-1}" = 1 ]; then
  echo "== build (once)" >&2
  mvn -B -q -DskipTests package test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >&2
fi
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
rm -rf "$WORK" && mkdir -p "$WORK"
ROWS="$WORK/rows.txt"
: >"$ROWS"
BROKER_PID=""
KUBE_PID=""
cleanup() {
  if [ -n "$BROKER_PID" ]; then kill "$BROKER_PID" 2>/dev/null || true; fi
  if [ -n "$KUBE_PID" ]; then kill "$KUBE_PID" 2>/dev/null || true; wait "$KUBE_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT

# measure NAME CMD...: runs CMD RUNS times under /usr/bin/time; records median wall, cpu, rss.
measure() {
  local name=$1; shift
  local f="$WORK/$name.times"
  : >"$f"
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/one.time" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" \
      || { echo "$name failed; see $WORK/$name.err" >&2; tail -5 "$WORK/$name.err" >&2; return 1; }
    cat "$WORK/one.time" >>"$f"
  done
  median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
  local wall cpu rss
  wall=$(awk '{print $1}' "$f" | median)
  cpu=$(awk '{print $2+$3}' "$f" | median)
  rss=$(awk '{printf "%.0f\n", $4/1024}' "$f" | median)
  echo "$name $wall $cpu $rss" >>"$WORK/medians.txt"
}
# measure_startup NAME CMD...: start-up is tens of milliseconds, below /usr/bin/time's 10 ms
# resolution; with hyperfine on PATH it times STARTUP_RUNS runs (default 30, after 5 warm-ups,
# no shell) and records the median wall and mean CPU at 1 ms, plus peak RSS from one timed run.
# Without hyperfine: measure.
measure_startup() {
  local name=$1; shift
  if ! command -v hyperfine >/dev/null; then measure "$name" "$@"; return; fi
  RUNS_SAVED=$RUNS; RUNS=1; measure "$name-rss" "$@"; RUNS=$RUNS_SAVED
  hyperfine -N -w 5 -r "${STARTUP_RUNS:-30}" --export-json "$WORK/$name.json" "$*" >/dev/null 2>&1 \
    || { echo "$name failed under hyperfine" >&2; return 1; }
  local wall cpu
  wall=$(sed -n 's/.*"median": *\([0-9.e-]*\).*/\1/p' "$WORK/$name.json" | head -n 1)
  cpu=$(awk -F': *' '/"user"|"system"/ {gsub(/,/, "", $2); s += $2} END {print s}' "$WORK/$name.json")
  echo "$name $(awk -v w="$wall" -v c="$cpu" 'BEGIN {printf "%.3f %.3f", w, c}') $(get "$name-rss" 4)" \
    >>"$WORK/medians.txt"
}
get() { awk -v n="$1" -v c="$2" '$1==n {print $c}' "$WORK/medians.txt"; }
row() { echo "$*" >>"$ROWS"; }
start_broker() { # LATENCY ASYNC RETRY SEED
  java -Xss256k -cp "$CP" dev.catalog.bench.FastBroker "$PORT" "$@" >"$WORK/broker.log" 2>&1 &
  BROKER_PID=$!
  for _ in $(seq 100); do kill -0 "$BROKER_PID" 2>/dev/null || break; curl -sf "127.0.0.1:$PORT/_stats" >/dev/null && return 0; sleep 0.2; done
  echo "fast broker did not start" >&2; return 1
}
stop_broker() { kill "$BROKER_PID"; wait "$BROKER_PID" 2>/dev/null || true; BROKER_PID=""; }
requests() { curl -sf "127.0.0.1:$PORT/_stats"; }

if want startup; then
echo "== start-up" >&2
measure_startup java-version java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -version
measure_startup catalog-version $CATALOG --version
measure_startup validate-example $CATALOG validate -f examples/catalog.yaml
jv=$(get java-version 2)
for s in catalog-version validate-example; do
  row "start-up: $s|$(get $s 2)|$(get $s 3)|$(get $s 4)|0|java -version $jv s|$(echo "$(get $s 2) $jv" | awk '{printf "%.2f", $1/$2}')|<= 1.5"
done
fi

if want plan; then
echo "== no-op plan without refresh, $N instances" >&2
java -cp "$CP" dev.catalog.bench.CatalogGenerator "$WORK/n" "$N" 4 "http://127.0.0.1:$PORT"
measure validate-n $CATALOG validate -f "$WORK/n/catalog.yaml"
measure plan-norefresh-n $CATALOG plan -f "$WORK/n/catalog.yaml" --refresh=false --lock=false
grep -q "No changes" "$WORK/plan-norefresh-n.out" || { echo "plan was not a no-op" >&2; exit 1; }
vn=$(get validate-n 2)
row "validate $N inst + $((2*N)) bind (floor)|$vn|$(get validate-n 3)|$(get validate-n 4)|0|-|1.00|<= 0.6x baseline (issue 18)"
row "no-op plan --refresh=false, $N inst|$(get plan-norefresh-n 2)|$(get plan-norefresh-n 3)|$(get plan-norefresh-n 4)|0|validate $vn s|$(echo "$(get plan-norefresh-n 2) $vn" | awk '{printf "%.2f", $1/$2}')|<= 1.3, RSS < 512"
fi

if want refresh; then
echo "== no-op plan with refresh, $N instances, ${LATENCY_MS} ms broker latency" >&2
java -cp "$CP" dev.catalog.bench.CatalogGenerator "$WORK/r" "$N" 1 "http://127.0.0.1:$PORT"
start_broker "$LATENCY_MS" 0 1 "$WORK/r/broker-seed.json"
curl -sf -X POST "127.0.0.1:$PORT/_reset" >/dev/null
measure plan-refresh-n $CATALOG plan -f "$WORK/r/catalog.yaml" --lock=false
grep -q "No changes" "$WORK/plan-refresh-n.out" || { echo "refresh plan was not a no-op" >&2; exit 1; }
stats=$(requests)
stop_broker
catalogs=$(echo "$stats" | sed -n 's/.*"catalog":\([0-9]*\).*/\1/p')
gets=$(echo "$stats" | sed -n 's/.*"get_instance":\([0-9]*\).*/\1/p')
# Default per-broker concurrency is 10 (Broker.DEFAULT_CONCURRENCY); one broker.
ideal=$(awk -v n="$N" -v l="$LATENCY_MS" 'BEGIN {printf "%.2f", n*l/1000/10}')
row "no-op plan with refresh, $N inst, ${LATENCY_MS} ms|$(get plan-refresh-n 2)|$(get plan-refresh-n 3)|$(get plan-refresh-n 4)|$(( (catalogs+gets)/RUNS )) ($((catalogs/RUNS)) catalog)|ideal $ideal s|$(echo "$(get plan-refresh-n 2) $ideal" | awk '{printf "%.2f", $1/$2}')|<= 1.10, 1 catalog/broker"
fi

if want brokers; then
echo "== no-op plan with refresh, 20 brokers x $((N/20)) instances, ${LATENCY_MS} ms broker latency" >&2
# The same 10,000 instances spread over 20 brokers (paths /b0 ... /b19 of one FastBroker): 20
# catalogs, read in parallel, and the reads of all brokers share --parallelism (default 10), so
# the ideal is the single-broker one (each catalog is read on its own thread, Refresher.readAsync).
java -cp "$CP" dev.catalog.bench.CatalogGenerator "$WORK/b20" "$N" 20 "http://127.0.0.1:$PORT"
start_broker "$LATENCY_MS" 0 1 "$WORK/b20/broker-seed.json"
curl -sf -X POST "127.0.0.1:$PORT/_reset" >/dev/null
measure plan-refresh-b20 $CATALOG plan -f "$WORK/b20/catalog.yaml" --lock=false
grep -q "No changes" "$WORK/plan-refresh-b20.out" || { echo "20-broker refresh plan was not a no-op" >&2; exit 1; }
stats=$(requests)
stop_broker
catalogs=$(echo "$stats" | sed -n 's/.*"catalog":\([0-9]*\).*/\1/p')
gets=$(echo "$stats" | sed -n 's/.*"get_instance":\([0-9]*\).*/\1/p')
ideal=$(awk -v n="$N" -v l="$LATENCY_MS" 'BEGIN {printf "%.2f", n*l/1000/10}')
row "no-op plan with refresh, 20 brokers x $((N/20)) inst, ${LATENCY_MS} ms|$(get plan-refresh-b20 2)|$(get plan-refresh-b20 3)|$(get plan-refresh-b20 4)|$(( (catalogs+gets)/RUNS )) ($((catalogs/RUNS)) catalog)|ideal $ideal s|$(echo "$(get plan-refresh-b20 2) $ideal" | awk '{printf "%.2f", $1/$2}')|<= 1.15, 1 catalog/broker"
fi

if want apply; then
echo "== apply 1,000 async instances, 2 s each, --parallelism 50" >&2
# From an empty state: 1,000 instances (no bindings) over 4 brokers; every provision is accepted
# (202) and finishes 2 s later at FastBroker, whose last_operation answers Retry-After: 1.
# Ideal: 1000 / 50 x 2 s = 40 s. Polls per operation at most ceil(2 / 1) + 1 = 3.
APPLY_N=1000; APPLY_PAR=50; APPLY_SECONDS=2; APPLY_RETRY=1
apply_ideal=$(awk -v n=$APPLY_N -v p=$APPLY_PAR -v d=$APPLY_SECONDS 'BEGIN {printf "%.0f", n/p*d}')
max_polls=$(awk -v d=$APPLY_SECONDS -v r=$APPLY_RETRY 'BEGIN {c=int(d/r); if (c*r<d) c++; print c+1}')
# apply_run NAME BACKEND_ARGS...: one apply from an empty state into $WORK/NAME; records a row.
apply_run() {
  local name=$1; shift
  local dir="$WORK/$name"
  java -cp "$CP" dev.catalog.bench.CatalogGenerator "$dir" $APPLY_N 4 "http://127.0.0.1:$PORT" \
    --no-state --no-bindings
  start_broker 0 $APPLY_SECONDS $APPLY_RETRY
  /usr/bin/time -f "%e %U %S %M" -o "$dir/apply.time" \
    $CATALOG apply -f "$dir/catalog.yaml" --parallelism $APPLY_PAR --auto-approve "$@" \
    >"$dir/apply.out" 2>"$dir/apply.err" \
    || { echo "apply ($name) failed; see $dir/apply.err" >&2; tail -5 "$dir/apply.err" >&2; stop_broker; return 1; }
  local stats polls provisions
  stats=$(requests); stop_broker
  grep -q "Resources: $APPLY_N added" "$dir/apply.out" || { echo "apply ($name) did not add $APPLY_N" >&2; return 1; }
  polls=$(echo "$stats" | sed -n 's/.*"instance_last_operation":\([0-9]*\).*/\1/p')
  provisions=$(echo "$stats" | sed -n 's/.*"provision":\([0-9]*\).*/\1/p')
  read -r aw au as am <"$dir/apply.time"
  APPLY_POLLS=$(awk -v p="${polls:-0}" -v n=$APPLY_N 'BEGIN {printf "%.2f", p/n}')
  APPLY_ROW="$aw|$(echo "$au $as" | awk '{print $1+$2}')|$((am/1024))|$provisions PUT + ${polls:-0} polls|ideal $apply_ideal s|$(echo "$aw $apply_ideal" | awk '{printf "%.2f", $1/$2}')"
}
if apply_run apply-local; then
  row "apply $APPLY_N async x ${APPLY_SECONDS} s, --parallelism $APPLY_PAR, local|$APPLY_ROW|<= 1.15; polls/op $APPLY_POLLS <= $max_polls"
else
  row "apply $APPLY_N async x ${APPLY_SECONDS} s, --parallelism $APPLY_PAR, local|-|-|-|-|ideal $apply_ideal s|-|FAILED: see $WORK/apply-local/apply.err"
fi
# The same with the Git backend into a bare repository on disk: its growth, before and after gc.
remote="$WORK/apply-git-remote.git"
git init -q --bare "$remote" && git --git-dir="$remote" config receive.autogc false
git_before=$(du -sk "$remote" | cut -f1)
if apply_run apply-git --backend git --backend-config "url=$remote" \
  --backend-config "cacheDir=$WORK/apply-git-cache.git"; then
  git_after=$(du -sk "$remote" | cut -f1)
  git_commits=$(git --git-dir="$remote" rev-list --count main)
  git --git-dir="$remote" gc -q
  git_gc=$(du -sk "$remote" | cut -f1)
  row "apply $APPLY_N async x ${APPLY_SECONDS} s, --parallelism $APPLY_PAR, git|$APPLY_ROW|<= 1.15; polls/op $APPLY_POLLS; $git_commits commits, remote $git_before -> $git_after KiB, $git_gc KiB after git gc"
else
  row "apply $APPLY_N async x ${APPLY_SECONDS} s, --parallelism $APPLY_PAR, git|-|-|-|-|ideal $apply_ideal s|-|FAILED: see $WORK/apply-git/apply.err"
fi
fi

if want secrets; then
echo "== apply 1,000 bindings to Kubernetes Secrets on a real kube-apiserver" >&2
# 500 instances (in state and at FastBroker) and 1,000 bindings to create, each delivered to a
# Secret of its own on a kube-apiserver started from ~/.cache/catalog/kube; the floor is a bare
# fabric8 loop creating the same 1,000 Secrets from 50 threads in a JVM with the launcher's flags,
# measured in the same run. Skipped when the binaries are missing.
SECRET_PAR=50
kdir="$WORK/kube"; mkdir -p "$kdir"
java -cp "$CP" dev.catalog.bench.KubeSecretBench serve "$kdir" bench-floor bench-catalog \
  >"$kdir/serve.log" 2>&1 &
KUBE_PID=$!
for _ in $(seq 600); do [ -f "$kdir/ready" ] && break; kill -0 "$KUBE_PID" 2>/dev/null || break; sleep 0.5; done
if [ ! -f "$kdir/ready" ]; then
  wait "$KUBE_PID" 2>/dev/null && code=0 || code=$?
  KUBE_PID=""
  row "apply 1,000 bindings to Secrets, kube-apiserver|-|-|-|-|-|-|skipped: $(tail -1 "$kdir/serve.log")"
else
  java -cp "$CP" dev.catalog.bench.CatalogGenerator "$WORK/sec" 500 1 "http://127.0.0.1:$PORT" \
    --secrets bench-catalog
  start_broker 0 0 1 "$WORK/sec/broker-seed.json"
  /usr/bin/time -f "%e %U %S %M" -o "$kdir/floor.time" java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -cp "$CP" dev.catalog.bench.KubeSecretBench loop "$kdir/kubeconfig.yaml" bench-floor 1000 $SECRET_PAR \
    >"$kdir/floor.out" 2>"$kdir/floor.err"
  KUBECONFIG="$kdir/kubeconfig.yaml" /usr/bin/time -f "%e %U %S %M" -o "$kdir/apply.time" \
    $CATALOG apply -f "$WORK/sec/catalog.yaml" --parallelism $SECRET_PAR --auto-approve \
    >"$kdir/apply.out" 2>"$kdir/apply.err" || true
  stats=$(requests); stop_broker
  kill "$KUBE_PID"; wait "$KUBE_PID" 2>/dev/null || true; KUBE_PID=""
  read -r fw _ _ _ <"$kdir/floor.time"
  read -r sw su ss sm <"$kdir/apply.time"
  binds=$(echo "$stats" | sed -n 's/.*"bind":\([0-9]*\).*/\1/p')
  if grep -q "Resources: 1000 added" "$kdir/apply.out"; then
    row "apply 1,000 bindings to Secrets, kube-apiserver, --parallelism $SECRET_PAR|$sw|$(echo "$su $ss" | awk '{print $1+$2}')|$((sm/1024))|${binds:-0} bind|fabric8 loop $fw s|$(echo "$sw $fw" | awk '{printf "%.2f", $1/$2}')|<= 1.2"
  else
    row "apply 1,000 bindings to Secrets, kube-apiserver|-|-|-|${binds:-0} bind|fabric8 loop $fw s|-|FAILED: see $kdir/apply.err"
  fi
fi
fi

if want big; then
echo "== plan without refresh, $BIG_N instances, 512 MiB heap" >&2
java -cp "$CP" dev.catalog.bench.CatalogGenerator "$WORK/big" "$BIG_N" 10 "http://127.0.0.1:$PORT"
RUNS_SAVED=$RUNS; RUNS=1
if JAVA_OPTS="-Xmx512m" measure plan-norefresh-big $CATALOG plan -f "$WORK/big/catalog.yaml" --refresh=false --lock=false \
  && grep -q "No changes" "$WORK/plan-norefresh-big.out"; then
  pn=$(get plan-norefresh-n 2)
  big_ratio=-; if [ -n "$pn" ]; then big_ratio=$(echo "$(get plan-norefresh-big 2) $pn" | awk '{printf "%.2f", $1/$2}'); fi
  row "plan --refresh=false, $BIG_N inst, -Xmx512m|$(get plan-norefresh-big 2)|$(get plan-norefresh-big 3)|$(get plan-norefresh-big 4)|0|$N plan ${pn:--} s|$big_ratio|<= 10.5 (linear), RSS < 1024"
else
  row "plan --refresh=false, $BIG_N inst, -Xmx512m|-|-|-|0|-|-|MISSED: $(grep -m1 -o 'OutOfMemoryError[^,]*' "$WORK/plan-norefresh-big.err" || echo failed)"
fi
RUNS=$RUNS_SAVED
fi

echo
echo "machine: $(nproc) cores, $(free -m | awk '/Mem:/ {print $2}') MiB, $(java -version 2>&1 | sed -n 1p), load:$(uptime | sed 's/.*load average//')"
echo "medians of $RUNS runs (start-up: of ${STARTUP_RUNS:-30} under hyperfine when present; 100k: 1 run)"
echo
echo "| scenario | wall s | CPU s | peak RSS MiB | requests | floor | ratio | target |"
echo "|---|---|---|---|---|---|---|---|"
awk -F'|' '{line="|"; for (i = 1; i <= NF; i++) line = line " " $i " |"; print line}' "$ROWS"
