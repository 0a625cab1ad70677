package dev.keel.node.config;

import dev.keel.consensus.types.PublicKey;
import dev.keel.checkpoint.anchor.L1Settings;
import dev.keel.mempool.MempoolConfig;
import dev.keel.storage.lmdb.LmdbConfig;
import java.nio.file.Path;

/**
 * One validator's node settings, read from the {@code keel { ... }} block of a HOCON file
 * (see {@link NodeConfigReader} for every key, its default and its checks). Paths are
 * absolute: relative ones in the file are taken from the file's own directory, so a node
 * started from anywhere reads the same files.
 *
 * <p>This is only what the file says. Whether {@link #validatorIndex()} and the key files
 * agree with the genesis is checked by {@code dev.keel.node.genesis.NodeSetup}.
 *
 * @param genesis        the genesis file ({@code keel.genesis})
 * @param keysDir        directory with consensus.key and network.key ({@code keel.keys-dir})
 * @param dataDir        the storage directory ({@code keel.data-dir}), created on first start
 * @param validatorIndex this validator's position in the genesis ({@code keel.validator-index})
 * @param listen         where the validator-to-validator transport binds ({@code keel.listen})
 * @param http           where the HTTP API binds ({@code keel.http})
 * @param storage        LMDB settings ({@code keel.storage})
 * @param mempool        mempool limits ({@code keel.mempool})
 * @param l1             where and how to anchor checkpoints ({@code keel.l1}); empty = sign, don't anchor
 */
public record NodeConfig(Path genesis, Path keysDir, Path dataDir, int validatorIndex, Endpoint listen, Endpoint http,
                         Storage storage, MempoolConfig mempool, java.util.Optional<L1Settings> l1) {
    public NodeConfig {
        genesis = genesis.toAbsolutePath().normalize();
        keysDir = keysDir.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
        if (validatorIndex < 0) {
            throw new ConfigException("keel.validator-index", validatorIndex + " is negative");
        }
    }

    /**
     * {@code keel.storage}.
     *
     * @param retainBlocks   0 keeps every block body; n keeps the newest n committed bodies
     * @param initialMapSize LMDB's starting map size in bytes (it grows when full)
     */
    public record Storage(long retainBlocks, long initialMapSize) {
        public static final Storage DEFAULT = new Storage(0, LmdbConfig.DEFAULT_MAP_SIZE);

        public Storage {
            if (retainBlocks < 0) {
                throw new ConfigException("keel.storage.retain-blocks", retainBlocks + " is negative (0 keeps every block)");
            }
            if (initialMapSize < LmdbConfig.MIN_MAP_SIZE || initialMapSize > LmdbConfig.MAX_MAP_SIZE) {
                throw new ConfigException("keel.storage.initial-map-size", initialMapSize + " bytes is not in "
                        + LmdbConfig.MIN_MAP_SIZE + ".." + LmdbConfig.MAX_MAP_SIZE + " (64KiB..4TiB)");
            }
        }
    }

    /** Reads and checks a HOCON file; every problem found is in the one exception. */
    public static NodeConfig load(Path file) {
        return NodeConfigReader.load(file);
    }

    /** Reads HOCON text; relative paths are taken from {@code baseDir}. For tests and generated configs. */
    public static NodeConfig parse(String hocon, Path baseDir) {
        return NodeConfigReader.parse(hocon, baseDir);
    }

    /** The storage settings for this validator's data directory. */
    public LmdbConfig lmdb(String chainId, PublicKey consensusKey) {
        return new LmdbConfig(dataDir, chainId, consensusKey, storage.initialMapSize(), storage.retainBlocks());
    }
}
