# Shared by ops/up.sh and ops/run-sample.sh: build, start the simulator and the fleet as this shell's children, stop them.
# Source it from the repository root after ops/services.sh has run.

STACK_LOGS=${STACK_LOGS:-$(mktemp -d)}
STACK_PIDS=()
SIMULATOR_URL=http://127.0.0.1:5080
FLEET_URL=http://127.0.0.1:8080

stack_build() {
  echo "[stack] building (Release)"
  dotnet build Workers.sln -c Release --nologo -v q -clp:ErrorsOnly
}

stack_wait_for() { # url, name, log
  for _ in $(seq 1 90); do curl -fsS "$1" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "[stack] $2 did not start; the end of its log:"; tail -n 50 "$3"; return 1
}

stack_start() {
  echo "[stack] simulator on $SIMULATOR_URL (log: $STACK_LOGS/simulator.log)"
  # Started from their output folders (for their appsettings.json) with exec, so each PID is the process itself.
  (cd src/Workers.ProviderSimulator/bin/Release/net10.0 && Simulator__SpeedFactor="${SIMULATOR_SPEED_FACTOR:-10}" \
    exec dotnet Workers.ProviderSimulator.dll --urls "$SIMULATOR_URL") >"$STACK_LOGS/simulator.log" 2>&1 &
  STACK_PIDS+=($!)
  stack_wait_for "$SIMULATOR_URL/_control/counters" simulator "$STACK_LOGS/simulator.log"

  echo "[stack] fleet on $FLEET_URL, every role and provider (log: $STACK_LOGS/fleet.log)"
  # The local stack only: the simulator's loopback address is allow-listed (references from its samples and
  # artifacts from its file links, over plain HTTP), and the providers (the simulator) call back on the fleet's
  # loopback address.
  (cd src/Workers.Host/bin/Release/net10.0 && ReferenceUrls__AllowedHosts__0="127.0.0.1:5080" \
    Callbacks__PublicBaseUrl="$FLEET_URL" exec dotnet Workers.Host.dll --urls "$FLEET_URL") >"$STACK_LOGS/fleet.log" 2>&1 &
  STACK_PIDS+=($!)
  stack_wait_for "$FLEET_URL/health/ready" fleet "$STACK_LOGS/fleet.log"
}

stack_stop() {
  # SIGTERM: the .NET hosts shut down gracefully on it (background jobs ignore SIGINT).
  for pid in "${STACK_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${STACK_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  STACK_PIDS=()
}
