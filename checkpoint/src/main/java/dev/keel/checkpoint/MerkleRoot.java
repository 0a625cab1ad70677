package dev.keel.checkpoint;

import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary Merkle root over a checkpoint range's block hashes, so a single block can later be
 * proven against the anchored checkpoint. Leaves are keccak256(0x00 || hash), inner nodes
 * keccak256(0x01 || left || right) — the prefixes keep a leaf from passing as a node. An odd
 * node at the end of a level moves up unchanged.
 */
public final class MerkleRoot {
    private static final byte[] LEAF = {0};
    private static final byte[] NODE = {1};

    private MerkleRoot() {
    }

    public static Hash of(List<Hash> blockHashes) {
        if (blockHashes.isEmpty()) {
            throw new IllegalArgumentException("a checkpoint range holds at least one block");
        }
        List<byte[]> level = new ArrayList<>(blockHashes.size());
        for (Hash h : blockHashes) {
            level.add(Keccak.hash(LEAF, h.bytes().unsafeArray()));
        }
        while (level.size() > 1) {
            List<byte[]> up = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i + 1 < level.size(); i += 2) {
                up.add(Keccak.hash(NODE, level.get(i), level.get(i + 1)));
            }
            if (level.size() % 2 == 1) {
                up.add(level.get(level.size() - 1));
            }
            level = up;
        }
        return new Hash(Bytes.wrap(level.get(0)));
    }
}
