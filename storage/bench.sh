#!/bin/sh
# Runs the storage benchmark (dev.keel.storage.bench.StorageBench) from a clone:
#   storage/bench.sh [--runs N] [--small-blocks N] [--large-blocks N] [--restart-blocks N] [--dir PATH]
# Builds consensus and storage (no tests), then runs the benchmark in its own JVM.
# Results go to stdout, progress to stderr. Takes a few minutes with the defaults.
set -eu
cd "$(dirname "$0")/.."
cp_file="$PWD/storage/target/bench.classpath"
mvn -q -B -pl storage -am -DskipTests compile dependency:build-classpath \
    -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
exec java -Xmx2g -cp "storage/target/classes:consensus/target/classes:$(cat "$cp_file")" \
    dev.keel.storage.bench.StorageBench "$@"
