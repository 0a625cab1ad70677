/**
 * Protocol value types as records with invariants checked at construction: blocks, headers, QCs, TCs, votes, timeouts, validator sets, sync info, and byte/hash value types.
 */
package dev.keel.consensus.types;
