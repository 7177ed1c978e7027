#!/usr/bin/env bash
# The fleet's main job end to end on a fresh machine: services up, provider simulator and fleet started,
# one sample GenerateImage published and followed to its GenerationCompleted (artifact location and cost
# printed, bytes saved under ./artifacts-out), then a clean shutdown.
set -euo pipefail
cd "$(dirname "$0")/.."

bash ops/services.sh
echo "[sample] building"
dotnet build Workers.sln -c Release --nologo -v q -clp:ErrorsOnly

logs=$(mktemp -d)
pids=()
stop() {
  for pid in "${pids[@]}"; do kill -INT "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop EXIT

wait_for() { # url, name, log
  for _ in $(seq 1 60); do curl -fsS "$1" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "[sample] $2 did not start; its log:"; tail -n 50 "$3"; exit 1
}

echo "[sample] starting the provider simulator on http://127.0.0.1:5080 (log: $logs/simulator.log)"
Simulator__SpeedFactor="${SIMULATOR_SPEED_FACTOR:-10}" \
  dotnet run --no-build -c Release --project src/Workers.ProviderSimulator -- --urls http://127.0.0.1:5080 >"$logs/simulator.log" 2>&1 &
pids+=($!)
wait_for http://127.0.0.1:5080/_control/counters simulator "$logs/simulator.log"

echo "[sample] starting the fleet on http://127.0.0.1:8080 (log: $logs/fleet.log)"
dotnet run --no-build -c Release --project src/Workers.Host >"$logs/fleet.log" 2>&1 &
pids+=($!)
wait_for http://127.0.0.1:8080/health/ready fleet "$logs/fleet.log"

echo "[sample] publishing a GenerateImage and waiting for its outcome"
dotnet run --no-build -c Release --project src/Workers.Cli -- image \
  --prompt "A small blue glass sphere on a clean white desk" --model gpt-image-2 --size 1024x1024 \
  --save-to artifacts-out
echo "[sample] done; shutting down"
