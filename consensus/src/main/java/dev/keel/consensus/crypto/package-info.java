/**
 * Hashing (JDK SHA-256), signature schemes (Ed25519 via Bouncy Castle, one strict validation rule) and domain-separated signing.
 */
package dev.keel.consensus.crypto;
