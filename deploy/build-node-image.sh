#!/usr/bin/env bash
# Builds the validator image from the built node (node/target/keel-node.jar and lib/):
#   deploy/build-node-image.sh [TAG] [BASE_IMAGE]
# TAG defaults to keel/node:dev; BASE_IMAGE to the offline base (deploy/build-base-image.sh makes
# it). On a machine that reaches a registry, pass eclipse-temurin:17-jre instead.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tag="${1:-keel/node:dev}"
base="${2:-keel/jre17-base:bookworm}"
target="$here/../node/target"
[[ -f "$target/keel-node.jar" ]] || { echo "no $target/keel-node.jar: run 'mvn -B -DskipTests install' first" >&2; exit 2; }
ctx="$(mktemp -d /tmp/keel-image.XXXXXX)"
trap 'rm -rf "$ctx"' EXIT
cp -r "$target/keel-node.jar" "$target/lib" "$here/keel-entrypoint.sh" "$here/Dockerfile" "$ctx/"
docker build -q --build-arg "BASE_IMAGE=$base" -t "$tag" "$ctx" >/dev/null
echo "$tag"
