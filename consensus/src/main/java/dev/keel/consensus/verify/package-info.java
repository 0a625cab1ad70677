/**
 * Verification at the edge: structure, sender, round window, dedup, then signatures and certificates (MessageGate, CertificateVerifier); typed rejections.
 */
package dev.keel.consensus.verify;
