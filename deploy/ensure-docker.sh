#!/usr/bin/env bash
# Makes sure a Docker engine answers on this machine, for the chaos harness: installs Debian's
# docker.io, iptables and debootstrap when they are missing (needs root and Debian's mirror) and
# starts dockerd in the background when none is running. Idempotent; quiet when all is there.
# Used by .ci/run and by the chaos tests' fixture, so `mvn -B verify` works on a fresh machine.
set -euo pipefail
if docker info >/dev/null 2>&1; then
  exit 0
fi
missing=()
command -v dockerd >/dev/null || missing+=(docker.io)
command -v iptables >/dev/null || missing+=(iptables)
command -v debootstrap >/dev/null || missing+=(debootstrap)
if (( ${#missing[@]} )); then
  [[ $(id -u) == 0 ]] || { echo "ensure-docker: need root to install ${missing[*]}" >&2; exit 2; }
  echo "ensure-docker: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "${missing[@]}" >/tmp/keel-apt.log 2>&1 \
    || { apt-get update -q >>/tmp/keel-apt.log 2>&1 && apt-get install -y -q "${missing[@]}" >>/tmp/keel-apt.log 2>&1; } \
    || { tail -20 /tmp/keel-apt.log >&2; exit 1; }
fi
if ! pgrep -x dockerd >/dev/null; then
  [[ $(id -u) == 0 ]] || { echo "ensure-docker: no Docker engine running and not root to start one" >&2; exit 2; }
  echo "ensure-docker: starting dockerd (log: /tmp/keel-dockerd.log)" >&2
  nohup dockerd >/tmp/keel-dockerd.log 2>&1 </dev/null &
fi
for _ in $(seq 1 60); do
  docker info >/dev/null 2>&1 && exit 0
  sleep 0.5
done
echo "ensure-docker: dockerd did not answer within 30 s; see /tmp/keel-dockerd.log" >&2
tail -20 /tmp/keel-dockerd.log >&2 || true
exit 1
