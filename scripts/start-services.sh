#!/usr/bin/env bash
# Starts the local PostgreSQL and Redis when they are installed but not answering (the README's development section).
# Where they are not installed at all, `npm test` starts its own (embedded PostgreSQL, redis-server on a free port).
set -uo pipefail

if command -v pg_ctlcluster >/dev/null 2>&1 && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "services: starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || echo "services: PostgreSQL did not start; the tests will use the embedded one" >&2
fi

if command -v redis-server >/dev/null 2>&1 && ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  echo "services: starting Redis"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log || echo "services: Redis did not start; the tests will start their own" >&2
fi
exit 0
