#!/usr/bin/env bash
# The fleet's main job end to end on a fresh machine: services up, provider simulator and fleet started,
# one sample GenerateImage published and followed to its GenerationCompleted (artifact location and cost
# printed, bytes saved under ./artifacts-out), then a clean shutdown.
set -euo pipefail
cd "$(dirname "$0")/.."
# No usage reports from MassTransit to its vendor (test buses included).
export MASSTRANSIT_USAGE_TELEMETRY=false

bash ops/services.sh
echo "[sample] building"
dotnet build Workers.sln -c Release --nologo -v q -clp:ErrorsOnly

logs=$(mktemp -d)
pids=()
stop() {
  # SIGTERM: the .NET hosts shut down gracefully on it (background jobs ignore SIGINT).
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop EXIT

wait_for() { # url, name, log
  for _ in $(seq 1 60); do curl -fsS "$1" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "[sample] $2 did not start; its log:"; tail -n 50 "$3"; exit 1
}

echo "[sample] starting the provider simulator on http://127.0.0.1:5080 (log: $logs/simulator.log)"
# Started from their output folders (for their appsettings.json) with exec, so the PID is the process itself.
(cd src/Workers.ProviderSimulator/bin/Release/net10.0 && Simulator__SpeedFactor="${SIMULATOR_SPEED_FACTOR:-10}" \
  exec dotnet Workers.ProviderSimulator.dll --urls http://127.0.0.1:5080) >"$logs/simulator.log" 2>&1 &
pids+=($!)
wait_for http://127.0.0.1:5080/_control/counters simulator "$logs/simulator.log"

echo "[sample] starting the fleet on http://127.0.0.1:8080 (log: $logs/fleet.log)"
(cd src/Workers.Host/bin/Release/net10.0 && exec dotnet Workers.Host.dll) >"$logs/fleet.log" 2>&1 &
pids+=($!)
wait_for http://127.0.0.1:8080/health/ready fleet "$logs/fleet.log"

echo "[sample] publishing a GenerateImage and waiting for its outcome"
dotnet src/Workers.Cli/bin/Release/net10.0/workers.dll image \
  --prompt "A small blue glass sphere on a clean white desk" --model gpt-image-2 --size 1024x1024 \
  --save-to artifacts-out
echo "[sample] done; shutting down"
