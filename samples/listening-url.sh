# Sourced by the sample scripts. listening_url LOG PID: waits (at most 60 s) for an ASP.NET Core app started with
# `--urls http://127.0.0.1:0` to print its "Now listening on" line into LOG, and prints the base URL it chose; prints
# nothing when the process PID exits first or the time runs out.
listening_url() {
  local log=$1 pid=$2 url=""
  for _ in $(seq 1 120); do
    url=$(grep -oE 'Now listening on: http://127\.0\.0\.1:[0-9]+' "$log" | head -n 1 | sed 's/Now listening on: //' || true)
    [ -n "$url" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  echo "$url"
}
