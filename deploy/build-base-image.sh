#!/usr/bin/env bash
# Builds the validator's base image offline: a Debian bookworm root made by debootstrap from
# Debian's package mirror (the only registry this machine kind reaches) with a headless JRE 17,
# then `docker import`ed. Takes about two minutes; the image is cached by name, so a second run
# returns at once. Besides the JRE it carries what the chaos harness needs inside a validator
# container: curl (the health check), iptables and iproute2 (partitions), procps (pause/kill).
#
#   deploy/build-base-image.sh [IMAGE]        default IMAGE: keel/jre17-base:bookworm
set -euo pipefail
image="${1:-keel/jre17-base:bookworm}"
mirror="${KEEL_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
if docker image inspect "$image" >/dev/null 2>&1; then
  echo "base image $image: cached"
  exit 0
fi
command -v debootstrap >/dev/null || { echo "debootstrap is missing (apt-get install debootstrap)" >&2; exit 2; }
root="$(mktemp -d /tmp/keel-base.XXXXXX)"
trap 'rm -rf "$root"' EXIT
echo "base image $image: debootstrap bookworm into $root (about two minutes)..."
debootstrap --variant=minbase \
  --include=openjdk-17-jre-headless,ca-certificates,curl,iptables,iproute2,procps \
  bookworm "$root" "$mirror" > "$root.log" 2>&1 || { tail -20 "$root.log" >&2; exit 1; }
rm -f "$root.log"
# Smaller image, same behaviour: package lists, caches and docs are not needed at run time.
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb \
       "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/locale/*
tar -C "$root" -c . | docker import \
  --change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' \
  --change 'ENV PATH=/usr/lib/jvm/java-17-openjdk-amd64/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'CMD ["/bin/bash"]' \
  - "$image" >/dev/null
echo "base image $image: built ($(docker image inspect -f '{{.Size}}' "$image" | awk '{printf "%.0f MB", $1/1e6}'))"
