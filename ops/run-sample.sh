#!/usr/bin/env bash
# The fleet's main job end to end on a fresh machine: services up, provider simulator and fleet started, sample
# commands published and each followed to its GenerationCompleted (artifact locations and cost printed, bytes saved
# under ./artifacts-out), then a clean shutdown.
#   bash ops/run-sample.sh [image|storyboard|story|video|sora|all]    (default: image)
set -euo pipefail
cd "$(dirname "$0")/.."
row=${1:-image}
case "$row" in image|storyboard|story|video|sora|all) ;; *) echo "usage: $0 [image|storyboard|story|video|sora|all]"; exit 64;; esac
# No usage reports from MassTransit to its vendor.
export MASSTRANSIT_USAGE_TELEMETRY=false

bash ops/services.sh
source ops/lib/stack.sh
stack_build
trap stack_stop EXIT
stack_start

workers() { dotnet src/Workers.Cli/bin/Release/net10.0/workers.dll "$@" --save-to artifacts-out; }
samples=$SIMULATOR_URL/_samples

run() {
  case "$1" in
    image)
      echo "[sample] image: UniAll gpt-image-2"
      workers image --provider uniall --model gpt-image-2 --size 1024x1024 \
        --prompt "A small blue glass sphere on a clean white desk" ;;
    storyboard)
      echo "[sample] storyboard: TopView Nano Banana Pro grid, with a reference image uploaded by the fleet"
      workers storyboard --provider topview --model "Nano Banana Pro" --resolution 2K --grid-size 9 \
        --story "A fox finds a lantern in the snow and follows its light home" --reference "$samples/reference-1.png" ;;
    story)
      echo "[sample] story: Depicta, two characters, three scenes"
      workers storyboard --provider depicta --model depicta-story-1 --style watercolour \
        --character "Fox=a small red fox with a green scarf" --character "Owl=a grey owl with round glasses" \
        --scene "Fox meets Owl in a pine forest" --scene "They cross a frozen river" --scene "They share tea by a fire" ;;
    video)
      echo "[sample] video: TopView Seedance 1.5 Pro, two videos from one first frame uploaded by the fleet"
      workers video --provider topview --model "Seedance 1.5 Pro" --resolution 720 --duration 5 --count 2 \
        --prompt "slow dolly-in" --first-frame "$samples/reference-2.png" ;;
    sora)
      echo "[sample] sora: Apikley sora-2-pro-storyboard, two shots"
      workers video --provider apikley --model sora-2-pro-storyboard --duration 15 --aspect-ratio 16:9 \
        --shot "7.5:A kitten with orange headphones at a cosy table" --shot "7.5:The kitten licks its lips, satisfied" ;;
  esac
}

if [ "$row" = all ]; then
  for r in image storyboard story video sora; do run "$r"; done
else
  run "$row"
fi
echo "[sample] done; shutting down"
