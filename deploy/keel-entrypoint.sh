#!/bin/bash
# Runs the Keel CLI with the image's JVM flags. exec: the JVM gets the container's signals itself.
exec java ${KEEL_JAVA_OPTS:-} -cp "/opt/keel/keel-node.jar:/opt/keel/lib/*" dev.keel.node.cli.Keel "$@"
