#!/bin/sh
# Run once per `docker compose up` (service broker-users) before the services start: gives each
# service its own RabbitMQ user, cp-<service>, with the configure/write/read permissions its lines
# in infra/broker-permissions say, as infra/deps does on a machine without Docker. Passwords come
# from the environment (docker-compose.yml: CP_<SERVICE>_BROKER_PASSWORD; set them for anything
# but a laptop). POSIX sh + curl: it runs in the curl image.
set -eu
permissions="${BROKER_PERMISSIONS:-/infra/broker-permissions}"
api="${RABBITMQ_API:-http://rabbitmq:15672/api}"
auth="$RABBITMQ_ADMIN_USER:$RABBITMQ_ADMIN_PASSWORD"

# A JSON string for the text (the regexes hold backslashes).
json() { printf '"%s"' "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')"; }
pattern() { awk -v s="$1" -v k="$2" '$1 == s && $2 == k { print $3; exit }' "$permissions"; }

for service in consent dsa-registry disclosure audit gateway; do
  var="CP_$(echo "$service" | tr '[:lower:]-' '[:upper:]_')_BROKER_PASSWORD"
  password="$(printenv "$var")" || { echo "$var is not set" >&2; exit 1; }
  curl -fsS -u "$auth" -X PUT -H 'content-type: application/json' \
    --data-binary "{\"password\":$(json "$password"),\"tags\":\"\"}" "$api/users/cp-$service"
  curl -fsS -u "$auth" -X PUT -H 'content-type: application/json' \
    --data-binary "{\"configure\":$(json "$(pattern "$service" configure)"),\"write\":$(json "$(pattern "$service" write)"),\"read\":$(json "$(pattern "$service" read)")}" \
    "$api/permissions/%2F/cp-$service"
  echo "cp-$service: permissions of infra/broker-permissions"
done
