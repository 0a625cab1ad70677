package dev.keel.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** MerkleRoot: pinned vectors, hand-built small trees, and properties against a reference. */
class MerkleRootTest {
    static Hash block(int i) {
        return new Hash(Bytes.wrap(Keccak.hash("block." + i)));
    }

    static List<Hash> blocks(int n, int salt) {
        return IntStream.range(0, n).mapToObj(i -> block(salt * 1_000_000 + i)).toList();
    }

    private static byte[] leaf(Hash h) {
        return Keccak.hash(new byte[] {0}, h.bytes().toArray());
    }

    private static byte[] node(byte[] l, byte[] r) {
        return Keccak.hash(new byte[] {1}, l, r);
    }

    /** Computed independently with Node's ethereum-cryptography keccak256 over blocks "block.1".."block.5". */
    @Test
    void pinnedVectors() {
        assertEquals("ba08bd49a7745e174061a04161a1f3f7dba6613e56d533de1f4cf844da2c11a3",
                MerkleRoot.of(List.of(block(1))).toHex());
        assertEquals("25157395f56d5d269d61b937c233cba0a61849e06b80424e8614c7d772b7e284",
                MerkleRoot.of(IntStream.rangeClosed(1, 5).mapToObj(MerkleRootTest::block).toList()).toHex());
    }

    @Test
    void smallTreesByHand() {
        Hash a = block(10);
        Hash b = block(11);
        Hash c = block(12);
        assertArrayEquals(leaf(a), MerkleRoot.of(List.of(a)));
        assertArrayEquals(node(leaf(a), leaf(b)), MerkleRoot.of(List.of(a, b)));
        // three leaves: the odd one moves up unchanged and pairs at the next level
        assertArrayEquals(node(node(leaf(a), leaf(b)), leaf(c)), MerkleRoot.of(List.of(a, b, c)));
    }

    /** A one-block range does not commit to the bare block hash (domain separation of leaves). */
    @Test
    void leafIsNotTheBlockHash() {
        assertNotEquals(block(1), MerkleRoot.of(List.of(block(1))));
    }

    @Test
    void emptyRangeRejected() {
        assertThrows(IllegalArgumentException.class, () -> MerkleRoot.of(List.of()));
    }

    /** Level-by-level with odd promotion equals splitting at the largest power of two below n. */
    @Property(tries = 200)
    void equalsRecursiveReference(@ForAll @IntRange(min = 1, max = 130) int n, @ForAll @IntRange(max = 1000) int salt) {
        List<Hash> hs = blocks(n, salt);
        assertArrayEquals(reference(hs), MerkleRoot.of(hs));
    }

    @Property(tries = 100)
    void anyChangedOrSwappedBlockChangesTheRoot(@ForAll @IntRange(min = 2, max = 64) int n,
                                                 @ForAll @IntRange(max = 63) int i, @ForAll @IntRange(max = 63) int j) {
        List<Hash> hs = blocks(n, 7);
        Hash root = MerkleRoot.of(hs);
        List<Hash> changed = new ArrayList<>(hs);
        changed.set(i % n, block(-1));
        assertNotEquals(root, MerkleRoot.of(changed));
        if (i % n != j % n) {
            List<Hash> swapped = new ArrayList<>(hs);
            java.util.Collections.swap(swapped, i % n, j % n);
            assertNotEquals(root, MerkleRoot.of(swapped));
        }
        assertNotEquals(root, MerkleRoot.of(hs.subList(0, n - 1)), "dropping the last block changes the root");
    }

    private static byte[] reference(List<Hash> hs) {
        if (hs.size() == 1) {
            return leaf(hs.get(0));
        }
        int split = Integer.highestOneBit(hs.size() - 1);
        return node(reference(hs.subList(0, split)), reference(hs.subList(split, hs.size())));
    }

    private static void assertArrayEquals(byte[] expected, Hash actual) {
        assertEquals(Bytes.wrap(expected), actual.bytes());
    }
}
