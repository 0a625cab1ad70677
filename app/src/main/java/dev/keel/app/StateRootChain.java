package dev.keel.app;

import dev.keel.consensus.crypto.Sha256;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The state root of the shipped applications: a hash chain over state transitions,
 * <pre>
 *   root_0 = Hash.ZERO
 *   root_h = SHA-256("keel/app/&lt;name&gt;/root" || root_{h-1} || u64be(h) || SHA-256(writes_h))
 * </pre>
 * where {@code writes_h} is the concatenation, in execution order, of the encoded writes of
 * every transaction block {@code h} applied (each application documents its encoding; rejected
 * transactions write nothing).
 *
 * <p>Why a chain and not a Merkle tree: it costs O(bytes written) per block and no extra memory,
 * and it is deterministic by construction (writes are hashed in execution order, never by
 * iterating a map). It commits to the state given the genesis (the state is a function of the
 * genesis and the writes), so two validators agree on a root exactly when they applied the same
 * writes. What it cannot give is a membership proof for one key; a Merkle tree is future work.
 * The genesis itself is not folded in ({@code root_0} is zero): the engine pins the genesis.
 *
 * <p>Hashing is the JDK's SHA-256 ({@link Sha256}), about ten times faster here than Bouncy
 * Castle's (DESIGN.md). Not thread-safe: only the executing thread calls {@link #beginBlock},
 * the {@code write} methods and {@link #endBlock}; {@link #root()} may be read from any thread.
 */
public final class StateRootChain {
    private final byte[] tag;
    private final MessageDigest writes = newSha256();
    private final byte[] scratch = new byte[8];
    private volatile Hash root = Hash.ZERO;
    private long height;
    private boolean inBlock;

    public StateRootChain(String appName) {
        this.tag = ("keel/app/" + appName + "/root").getBytes(StandardCharsets.UTF_8);
    }

    /** The root after the last completed block ({@link Hash#ZERO} before any). */
    public Hash root() {
        return root;
    }

    /** The height of the last completed block (0 before any). */
    public long height() {
        return height;
    }

    /**
     * Starts block {@code h}. Heights must be consecutive from 1 (the Application contract);
     * anything else is an engine bug, so this fails fast rather than fork the state.
     */
    public void beginBlock(long h) {
        if (inBlock) {
            throw new IllegalStateException("block " + (height + 1) + " was begun and never ended");
        }
        if (h != height + 1) {
            throw new IllegalStateException("executed height " + h + " after " + height
                    + ": heights must be consecutive from 1");
        }
        writes.reset();
        inBlock = true;
    }

    public void write(byte[] data) {
        writes.update(data);
    }

    public void write(Bytes data) {
        writes.update(data.unsafeArray());
    }

    public void writeInt(int v) {
        encodeLong(v, 4);
    }

    public void writeLong(long v) {
        encodeLong(v, 8);
    }

    /** Ends the current block and publishes its root. */
    /**
     * Runs one block: {@link #beginBlock}, {@code apply} on each transaction in order (it records
     * its writes here), {@link #endBlock}. The shape of every {@link Application#execute}.
     */
    public BlockResult executeBlock(long h, java.util.List<dev.keel.consensus.types.Bytes> txs,
                                    java.util.function.Function<dev.keel.consensus.types.Bytes, TxResult> apply) {
        beginBlock(h);
        java.util.List<TxResult> results = new java.util.ArrayList<>(txs.size());
        for (var tx : txs) {
            results.add(apply.apply(tx));
        }
        return new BlockResult(results, endBlock());
    }

    public Hash endBlock() {
        if (!inBlock) {
            throw new IllegalStateException("endBlock without beginBlock");
        }
        Hash next = next(tag, root, height + 1, writes.digest());
        height++;
        inBlock = false;
        root = next;
        return next;
    }

    /** One link of the chain, exposed so tests can pin the formula. */
    static Hash next(byte[] tag, Hash previous, long h, byte[] writesDigest) {
        byte[] buf = new byte[tag.length + Hash.LENGTH + 8 + writesDigest.length];
        System.arraycopy(tag, 0, buf, 0, tag.length);
        System.arraycopy(previous.bytes().unsafeArray(), 0, buf, tag.length, Hash.LENGTH);
        int at = tag.length + Hash.LENGTH;
        for (int i = 0; i < 8; i++) {
            buf[at + i] = (byte) (h >>> (56 - 8 * i));
        }
        System.arraycopy(writesDigest, 0, buf, at + 8, writesDigest.length);
        return new Hash(Bytes.wrap(Sha256.digest(buf)));
    }

    private void encodeLong(long v, int size) {
        for (int i = 0; i < size; i++) {
            scratch[i] = (byte) (v >>> (8 * (size - 1 - i)));
        }
        writes.update(scratch, 0, size);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK ships SHA-256", e);
        }
    }
}
