/**
 * The node's configuration: {@link dev.keel.node.config.NodeConfig} read from HOCON, and
 * the shared machinery for every file an operator writes — {@link dev.keel.node.config.ConfigException}
 * (all problems at once, each naming its full key), a small strict JSON reader and writer
 * (no JSON library is on the classpath, and leniency in a genesis file would split a chain),
 * and {@link dev.keel.node.config.Endpoint}. Bad configuration is reported before anything starts.
 * This package depends on no other node package; keys and genesis build on it.
 */
package dev.keel.node.config;
