/**
 * Validator-to-validator networking: the {@link dev.keel.network.Transport} contract the node
 * uses, its settings and limits, and the reasons a peer can be rejected. Implementation in
 * {@code tcp}; wire codec in {@code codec}; framing in {@code frame}; authentication and
 * encryption in {@code handshake}. Pekko appears only in this module and {@code node/}.
 */
package dev.keel.network;
