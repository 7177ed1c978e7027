#!/usr/bin/env bash
# Publishes one command as plain JSON through the RabbitMQ management API, as any producer could:
#   bash ops/publish.sh <exchange> <routing-key = provider> '<JSON body>'
# Prints the broker's answer: {"routed":true} when a queue took it.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 <exchange> <routing-key> '<json>'" >&2; exit 64; }
api=${RABBITMQ_MANAGEMENT:-http://guest:guest@localhost:15672}
jq -n --arg rk "$2" --arg body "$3" \
  '{properties: {content_type: "application/json", delivery_mode: 2}, routing_key: $rk, payload: $body, payload_encoding: "string"}' |
  curl -fsS -H 'content-type: application/json' -X POST "$api/api/exchanges/%2F/$1/publish" -d @-
echo
