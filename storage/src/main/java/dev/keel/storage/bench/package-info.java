/**
 * The storage benchmark ({@link dev.keel.storage.bench.StorageBench}) and the synthetic
 * chains it (and the storage tests) write: well-formed blocks, QCs and commits with random
 * signatures, since storage never verifies signatures.
 */
package dev.keel.storage.bench;
