/**
 * Validator key files: {@code keel keygen} writes them, the node loads them through
 * {@link dev.keel.node.keys.KeyFiles}. Each validator has a consensus key (votes, proposals,
 * timeouts) and a network key (transport handshakes), in separate owner-only files.
 */
package dev.keel.node.keys;
