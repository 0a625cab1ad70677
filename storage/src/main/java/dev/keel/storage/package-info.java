/**
 * A validator's durable state behind one interface, {@link dev.keel.storage.ChainStore}:
 * the replica's persistence ports (safety record, blocks, QCs, commits), the lookups the
 * node serves (blocks by height and hash, transactions by hash) and checkpoint records.
 *
 * <p>Two implementations share one crash contract, pinned by one contract test suite:
 * {@link dev.keel.storage.MemoryStore} for the deterministic simulator and
 * {@link dev.keel.storage.lmdb.LmdbStore} for production. Failures are
 * {@link dev.keel.storage.StorageException}s carrying a
 * {@link dev.keel.storage.StorageException.Problem} code and the data directory.
 */
package dev.keel.storage;
