# Sourced by the scripts that start the service. Waits up to two minutes for the service at $1 to answer its
# health check; when it does not, says so, naming its log ($2), and fails.
wait_for_service() {
  local base="$1" log="$2"
  for _ in $(seq 1 120); do
    curl -sf "$base/actuator/health" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "service did not start; see $log" >&2
  return 1
}
