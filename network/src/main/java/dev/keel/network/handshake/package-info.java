/**
 * Mutual authentication and encryption of validator links: a signed X25519 handshake (each side
 * proves the Ed25519 network key the genesis file pins for its validator index, over a transcript
 * of both hellos), HKDF-SHA256 session keys per direction, and ChaCha20-Poly1305 frames with
 * counter nonces. Pure, socket-free code: the TCP stage drives it. See the network README.
 */
package dev.keel.network.handshake;
