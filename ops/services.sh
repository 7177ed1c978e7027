#!/usr/bin/env bash
# Makes RabbitMQ (with the management plugin on 15672) and PostgreSQL 15 answer on localhost.
# Installs Debian's packages when missing and starts them as plain processes (no systemd, no Docker here).
# Does nothing to a service that already answers. Safe to run again.
set -euo pipefail

log() { echo "[services] $*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

rabbit_answers() { curl -fsS -u guest:guest http://localhost:15672/api/overview >/dev/null 2>&1; }
postgres_answers() { PGPASSWORD=workers psql -h localhost -U workers -d workers -tAc 'select 1' >/dev/null 2>&1; }

missing=()
command -v rabbitmq-server >/dev/null 2>&1 || missing+=(rabbitmq-server)
command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql/15/main ] || missing+=(postgresql)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v jq >/dev/null 2>&1 || missing+=(jq)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if rabbit_answers; then
  log "RabbitMQ already answers"
else
  as_root rabbitmq-plugins enable --offline rabbitmq_management rabbitmq_prometheus >/dev/null
  if ! as_root rabbitmqctl -q status >/dev/null 2>&1; then
    log "starting RabbitMQ"
    as_root rabbitmq-server -detached
  fi
  # -detached returns before the node registers; await_startup fails until it has.
  for _ in $(seq 1 60); do
    as_root rabbitmqctl -q await_startup --timeout 10 >/dev/null 2>&1 && break
    sleep 2
  done
  for _ in $(seq 1 30); do rabbit_answers && break; sleep 1; done
  rabbit_answers || { log "RabbitMQ did not come up"; exit 1; }
  log "RabbitMQ is up (AMQP 5672, management http://localhost:15672 guest/guest)"
fi

if postgres_answers; then
  log "PostgreSQL already answers"
else
  if ! as_root pg_ctlcluster 15 main status >/dev/null 2>&1; then
    log "starting PostgreSQL"
    as_root pg_ctlcluster 15 main start
  fi
  for _ in $(seq 1 30); do as_root su postgres -c "psql -tAc 'select 1'" >/dev/null 2>&1 && break; sleep 1; done
  as_root su postgres -c "psql -v ON_ERROR_STOP=1 -q" <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'workers') THEN
    CREATE ROLE workers LOGIN CREATEDB PASSWORD 'workers';
  END IF;
END $$;
SQL
  as_root su postgres -c "psql -tAc \"select 1 from pg_database where datname = 'workers'\"" | grep -q 1 \
    || as_root su postgres -c "createdb -O workers workers"
  postgres_answers || { log "PostgreSQL did not come up"; exit 1; }
  log "PostgreSQL is up (localhost:5432, workers/workers)"
fi
