#!/usr/bin/env bash
# The whole local stack in the foreground: RabbitMQ and PostgreSQL, the provider simulator on 127.0.0.1:5080 and the
# fleet on 127.0.0.1:8080 (every role, all five provider rows). Prints how to publish with curl; Ctrl-C or SIGTERM
# stops the simulator and the fleet (the services stay up for the next run).
set -euo pipefail
cd "$(dirname "$0")/.."
export MASSTRANSIT_USAGE_TELEMETRY=false

bash ops/services.sh
source ops/lib/stack.sh
stack_build
trap stack_stop EXIT
trap 'exit 0' INT TERM
stack_start

# A queue of every event for people trying it by hand (capped, so it never grows without bound).
api=http://localhost:15672/api
auth=(-u guest:guest -H "content-type: application/json")
curl -fsS "${auth[@]}" -X PUT "$api/queues/%2F/local-events" -d '{"durable":true,"arguments":{"x-max-length":1000}}' >/dev/null
for e in generation-accepted generation-progressed generation-completed generation-failed; do
  curl -fsS "${auth[@]}" -X POST "$api/bindings/%2F/e/$e/q/local-events" -d '{"routing_key":""}' >/dev/null
done

cat <<TEXT

The stack is up. Simulator $SIMULATOR_URL, fleet $FLEET_URL, RabbitMQ console http://localhost:15672 (guest/guest).
Logs: $STACK_LOGS

Publish a GenerateImage as plain JSON (any language can do this; the routing key is the provider):
  bash ops/publish.sh generate-image uniall '{"requestId":"demo-1","provider":"uniall","model":"gpt-image-2","prompt":"a red cube","size":"1024x1024"}'

Read the events (accepted, progressed, completed, failed) from the local-events queue:
  curl -s -u guest:guest -H 'content-type: application/json' -X POST $api/queues/%2F/local-events/get \\
    -d '{"count":10,"ackmode":"ack_requeue_false","encoding":"auto"}'

The other rows: exchange generate-storyboard (routing key topview or depicta) and generate-video (topview or apikley);
the README has a JSON body for each. Or use the CLI: dotnet src/Workers.Cli/bin/Release/net10.0/workers.dll --help
Ctrl-C stops the simulator and the fleet.
TEXT

wait
