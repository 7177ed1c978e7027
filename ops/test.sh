#!/usr/bin/env bash
# Runs every test on a fresh machine: services up (ops/services.sh), then the whole solution's tests against
# the real RabbitMQ and PostgreSQL. Ends with one line "tests: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
# No usage reports from MassTransit to its vendor (test buses included).
export MASSTRANSIT_USAGE_TELEMETRY=false

bash ops/services.sh
# Decoders that the simulator's imaging and video tests use to prove the bytes are real PNG/JPEG/WebP and MP4 (H.264):
# ffmpeg brings ffprobe and ffmpeg.
if ! command -v dwebp >/dev/null || ! command -v djpeg >/dev/null || ! command -v pngcheck >/dev/null \
  || ! command -v ffprobe >/dev/null || ! command -v ffmpeg >/dev/null; then
  echo "[test] installing webp libjpeg-turbo-progs pngcheck ffmpeg"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq webp libjpeg-turbo-progs pngcheck ffmpeg >/dev/null
fi

log=$(mktemp)
status=0
dotnet test Workers.sln --nologo 2>&1 | tee "$log" || status=$?
# One plain summary line over all test projects (dotnet prints one line per project).
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i+1); if ($i == "Failed:") f += $(i+1) } }
     END { printf "tests: %d passed, %d failed\n", p, f }' "$log"
rm -f "$log"
exit $status
