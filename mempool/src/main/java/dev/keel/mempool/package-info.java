/**
 * A validator's pool of pending client transactions: admission (dedup, size, per-source
 * fairness, the application's check, capacity with eviction by priority), proposal batches in
 * priority-then-arrival order, removal on commit, TTL expiry and re-checks.
 */
package dev.keel.mempool;
