package dev.keel.storage.lmdb;

import dev.keel.consensus.types.ChainContext;
import dev.keel.consensus.types.PublicKey;
import java.nio.file.Path;

/**
 * How to open a data directory, and whose it must be.
 *
 * @param directory      the data directory; created if missing; must be empty, or this validator's
 * @param chainId        the chain the directory must belong to
 * @param validatorKey   the validator's consensus key: a directory copied from another validator
 *                       is refused, since two validators sharing one safety record is a double-sign
 * @param initialMapSize LMDB map size to start with, in bytes; it doubles whenever a write
 *                       fills it (address space only: the file grows with the data)
 * @param retainBlocks   0 keeps every block body (the default); n > 0 keeps the bodies of the
 *                       newest n committed blocks and drops older ones, keeping their headers,
 *                       QCs and transaction index entries
 */
public record LmdbConfig(Path directory, String chainId, PublicKey validatorKey, long initialMapSize,
                         long retainBlocks) {
    public static final long DEFAULT_MAP_SIZE = 1L << 30;
    /** Below a few pages LMDB cannot even hold its two meta pages and the database roots. */
    public static final long MIN_MAP_SIZE = 64L << 10;
    /** Growth stops here; a write that still does not fit is reported as a full disk. */
    public static final long MAX_MAP_SIZE = 1L << 42;

    public LmdbConfig {
        new ChainContext(chainId, 0); // same chain id rules as everywhere else
        if (initialMapSize < MIN_MAP_SIZE || initialMapSize > MAX_MAP_SIZE) {
            throw new IllegalArgumentException("initial map size must be " + MIN_MAP_SIZE + ".." + MAX_MAP_SIZE);
        }
        if (retainBlocks < 0) {
            throw new IllegalArgumentException("retainBlocks must be >= 0 (0 = keep all), got " + retainBlocks);
        }
        directory = directory.toAbsolutePath().normalize();
    }

    /** Defaults: 1 GiB initial map, no pruning. */
    public static LmdbConfig of(Path directory, String chainId, PublicKey validatorKey) {
        return new LmdbConfig(directory, chainId, validatorKey, DEFAULT_MAP_SIZE, 0);
    }

    public LmdbConfig withInitialMapSize(long bytes) {
        return new LmdbConfig(directory, chainId, validatorKey, bytes, retainBlocks);
    }

    public LmdbConfig withRetainBlocks(long blocks) {
        return new LmdbConfig(directory, chainId, validatorKey, initialMapSize, blocks);
    }

    public boolean pruning() {
        return retainBlocks > 0;
    }
}
