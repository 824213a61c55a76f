#!/usr/bin/env bash
# Local Neo4j Community 5.26 server for govgraph, built from Maven Central jars.
#   scripts/neo4j-server.sh build | start [--fresh] | stop | status
# Env: GOVGRAPH_NEO4J_HOME, GOVGRAPH_NEO4J_PORT, GOVGRAPH_NEO4J_AUTH, GOVGRAPH_NEO4J_HEAP,
#      GOVGRAPH_NEO4J_PAGECACHE, GOVGRAPH_NEO4J_TX_MAX, GOVGRAPH_NEO4J_GC, GOVGRAPH_NEO4J_CONFIG,
#      GOVGRAPH_NEO4J_START_TIMEOUT (see neo4j-server/README.md).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
PROJECT_DIR="$REPO_ROOT/neo4j-server"
POM="$PROJECT_DIR/pom.xml"
SRC="$PROJECT_DIR/src/main/java/govgraph/Neo4jLauncher.java"
LIB_DIR="$PROJECT_DIR/target/lib"
JAR="$PROJECT_DIR/target/govgraph-neo4j-server.jar"

HOME_DIR="${GOVGRAPH_NEO4J_HOME:-$REPO_ROOT/.govgraph/neo4j}"
PORT="${GOVGRAPH_NEO4J_PORT:-7687}"
HEAP="${GOVGRAPH_NEO4J_HEAP:-1g}"
GC="${GOVGRAPH_NEO4J_GC:-parallel}"
START_TIMEOUT="${GOVGRAPH_NEO4J_START_TIMEOUT:-180}"
LOG_FILE="$HOME_DIR/neo4j.log"
PID_FILE="$HOME_DIR/neo4j.pid"
BOLT_URI="bolt://127.0.0.1:$PORT"

# The throughput collector: on 2 cores a load spends its server CPU writing, not
# running G1's concurrent marking and barriers (measured in docs/performance.md).
# Its pauses stop the world, but the heap holds little that lives (the page cache
# is off-heap), so lookups' tails do not suffer. GOVGRAPH_NEO4J_GC=g1 brings G1 back.
case "$GC" in
  g1) GC_OPT=-XX:+UseG1GC ;;
  parallel) GC_OPT=-XX:+UseParallelGC ;;
  *) echo "neo4j-server: GOVGRAPH_NEO4J_GC must be g1 or parallel, not '$GC'" >&2; exit 2 ;;
esac

JVM_OPTS=(
  # A fixed heap: grown from a small start, G1 keeps a small young generation
  # and a load spends much of its server time collecting it.
  "-Xms$HEAP" "-Xmx$HEAP"
  "$GC_OPT" -XX:-OmitStackTraceInFastThrow -XX:+DisableExplicitGC
  -Djdk.nio.maxCachedBufferSize=1024
  -Dio.netty.tryReflectionSetAccessible=true
  -Dlog4j2.disable.jmx=true
  -Djava.net.preferIPv4Stack=true
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
)

log() { echo "neo4j-server: $*" >&2; }

needs_build() {
  [[ -d "$LIB_DIR" && -f "$JAR" ]] || return 0
  [[ -n "$(ls -A "$LIB_DIR" 2>/dev/null)" ]] || return 0
  [[ "$JAR" -nt "$POM" && "$JAR" -nt "$SRC" && "$LIB_DIR" -nt "$POM" ]] || return 0
  return 1
}

do_build() {
  if needs_build; then
    command -v mvn >/dev/null || { log "mvn not found (need Maven 3 and Java 17)"; exit 1; }
    log "building launcher (mvn package; jars are cached in ~/.m2)..."
    # copy-dependencies does not clear stale jars: start from an empty lib dir.
    rm -rf "$LIB_DIR"
    local out
    if ! out="$(mvn -q -B -f "$POM" package 2>&1)"; then
      printf '%s\n' "$out" >&2
      log "build failed"
      exit 1
    fi
    touch "$JAR" "$LIB_DIR"
  fi
}

read_pid() { [[ -f "$PID_FILE" ]] && tr -dc '0-9' <"$PID_FILE" || true; }

# A killed server that nobody has reaped yet is a zombie: it answers kill -0 but is gone.
pid_alive() {
  [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null || return 1
  local state
  state=$(ps -o stat= -p "$1" 2>/dev/null || true)
  [[ -n "$state" && "$state" != Z* ]]
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

do_status() {
  local pid; pid="$(read_pid)"
  if pid_alive "$pid" && port_open; then
    echo "running pid=$pid $BOLT_URI"
    return 0
  fi
  if pid_alive "$pid"; then
    echo "starting or unhealthy: pid=$pid alive but $BOLT_URI not accepting connections"
  else
    echo "not running"
  fi
  return 3
}

do_stop() {
  local pid; pid="$(read_pid)"
  if ! pid_alive "$pid"; then
    rm -f "$PID_FILE"
    log "not running"
    return 0
  fi
  log "stopping pid $pid..."
  kill -TERM "$pid" 2>/dev/null || true
  local i
  for ((i = 0; i < 600; i++)); do
    pid_alive "$pid" || break
    sleep 0.1
  done
  if pid_alive "$pid"; then
    log "pid $pid still alive after 60 s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do pid_alive "$pid" || break; sleep 0.1; done
  fi
  rm -f "$PID_FILE"
  log "stopped"
}

wipe_home() {
  case "$HOME_DIR" in
    "" | "/" | "${HOME:-/}" | "$REPO_ROOT") log "refusing to wipe '$HOME_DIR'"; exit 1 ;;
  esac
  if [[ -d "$HOME_DIR" ]]; then
    # Only wipe something that looks like our server home (or is empty).
    if [[ -n "$(ls -A "$HOME_DIR")" && ! -e "$HOME_DIR/data" && ! -e "$HOME_DIR/neo4j.log" ]]; then
      log "refusing to wipe '$HOME_DIR': it does not look like a govgraph Neo4j home"
      exit 1
    fi
    log "wiping $HOME_DIR"
    rm -rf "$HOME_DIR"
  fi
}

do_start() {
  local fresh=0 arg
  for arg in "$@"; do
    case "$arg" in
      --fresh) fresh=1 ;;
      *) log "unknown start option: $arg"; exit 2 ;;
    esac
  done

  local pid; pid="$(read_pid)"
  if pid_alive "$pid"; then
    if ((fresh)); then
      do_stop
    elif port_open; then
      echo "already running pid=$pid $BOLT_URI"
      return 0
    else
      log "pid $pid is alive but $BOLT_URI is closed (still starting?); stop it first"
      return 1
    fi
  fi
  if port_open; then
    log "port $PORT is already in use by another process; set GOVGRAPH_NEO4J_PORT"
    return 1
  fi

  do_build
  ((fresh)) && wipe_home
  mkdir -p "$HOME_DIR"
  rm -f "$PID_FILE"
  [[ -f "$LOG_FILE" ]] && mv -f "$LOG_FILE" "$LOG_FILE.1"

  local started; started=$(date +%s)
  GOVGRAPH_NEO4J_PORT="$PORT" nohup setsid java "${JVM_OPTS[@]}" \
    -cp "$JAR:$LIB_DIR/*" govgraph.Neo4jLauncher "$HOME_DIR" \
    >"$LOG_FILE" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$PID_FILE"

  local deadline=$((started + START_TIMEOUT))
  while :; do
    if grep -q "^NEO4J READY " "$LOG_FILE" 2>/dev/null; then
      echo "ready pid=$pid $BOLT_URI ($(($(date +%s) - started)) s)"
      return 0
    fi
    if ! pid_alive "$pid"; then
      log "process $pid died during startup; last log lines ($LOG_FILE):"
      tail -n 40 "$LOG_FILE" >&2 || true
      rm -f "$PID_FILE"
      return 1
    fi
    if (($(date +%s) >= deadline)); then
      log "not ready after ${START_TIMEOUT} s; last log lines ($LOG_FILE):"
      tail -n 40 "$LOG_FILE" >&2 || true
      do_stop
      return 1
    fi
    sleep 0.5
  done
}

usage() { echo "usage: $0 build | start [--fresh] | stop | status" >&2; exit 2; }

cmd="${1:-}"
[[ $# -gt 0 ]] && shift
case "$cmd" in
  build) do_build ;;
  start) do_start "$@" ;;
  stop) do_stop ;;
  status) do_status ;;
  *) usage ;;
esac
