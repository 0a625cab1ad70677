/**
 * Safety rules (Jolteon / DiemBFT v4 2-chain vote and timeout rules) and the safety record that must be durable before any vote or timeout leaves the node.
 */
package dev.keel.consensus.safety;
