package dev.keel.storage.lmdb;

import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.PublicKey;
import dev.keel.storage.StorageException;
import dev.keel.storage.StorageException.Problem;
import dev.keel.storage.codec.StorageCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.lmdbjava.Dbi;
import org.lmdbjava.Txn;

/**
 * Whose a data directory is: the {@code meta} table. Written once when the directory is
 * initialized and checked on every open, format version first (a newer format may have
 * changed what the other entries mean), so a node never runs on another chain's, another
 * genesis's or another validator's data — the last would let two validators share one
 * safety record and double-sign.
 */
record Identity(int formatVersion, String chainId, PublicKey validatorKey, Hash genesisId) {
    private static final byte[] FORMAT = Keys.name("formatVersion");
    private static final byte[] CHAIN = Keys.name("chainId");
    private static final byte[] VALIDATOR = Keys.name("validatorKey");
    private static final byte[] GENESIS = Keys.name("genesisId");

    static Identity expected(LmdbConfig cfg, Hash genesisId) {
        return new Identity(StorageCodec.FORMAT_VERSION, cfg.chainId(), cfg.validatorKey(), genesisId);
    }

    void write(Dbi<byte[]> meta, Txn<byte[]> txn) {
        meta.put(txn, FORMAT, ByteBuffer.allocate(4).putInt(formatVersion).array());
        meta.put(txn, CHAIN, chainId.getBytes(StandardCharsets.UTF_8));
        meta.put(txn, VALIDATOR, validatorKey.bytes().toArray());
        meta.put(txn, GENESIS, genesisId.bytes().toArray());
    }

    /** Throws the refusal that applies if the stored identity is not this one. */
    void checkStored(Dbi<byte[]> meta, Txn<byte[]> txn, Path dir) {
        byte[] format = required(meta, txn, FORMAT, dir);
        if (format.length != 4) {
            throw new StorageException(Problem.CORRUPTED, dir, "format version entry has " + format.length + " bytes");
        }
        int stored = ByteBuffer.wrap(format).getInt();
        if (stored > formatVersion) {
            throw new StorageException(Problem.NEWER_FORMAT, dir, "written in storage format " + stored
                    + "; this build reads up to format " + formatVersion);
        }
        if (stored < 1) {
            throw new StorageException(Problem.CORRUPTED, dir, "impossible storage format " + stored);
        }
        String chain = new String(required(meta, txn, CHAIN, dir), StandardCharsets.UTF_8);
        if (!chain.equals(chainId)) {
            throw new StorageException(Problem.WRONG_CHAIN, dir, "it belongs to chain '" + chain
                    + "', this node is configured for chain '" + chainId + "'");
        }
        Bytes genesis = Bytes.wrap(required(meta, txn, GENESIS, dir));
        if (!genesis.equals(genesisId.bytes())) {
            throw new StorageException(Problem.WRONG_GENESIS, dir, "it starts from genesis block " + genesis.toHex()
                    + ", this node's genesis is " + genesisId.toHex());
        }
        Bytes key = Bytes.wrap(required(meta, txn, VALIDATOR, dir));
        if (!key.equals(validatorKey.bytes())) {
            throw new StorageException(Problem.WRONG_VALIDATOR, dir, "it belongs to validator key " + key.toHex()
                    + ", this node's key is " + validatorKey.bytes().toHex());
        }
    }

    private static byte[] required(Dbi<byte[]> meta, Txn<byte[]> txn, byte[] key, Path dir) {
        byte[] v = meta.get(txn, key);
        if (v == null) {
            throw new StorageException(Problem.CORRUPTED, dir, "metadata entry '"
                    + new String(key, StandardCharsets.UTF_8) + "' is missing");
        }
        return v;
    }
}
