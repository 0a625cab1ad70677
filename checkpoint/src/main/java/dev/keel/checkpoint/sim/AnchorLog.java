package dev.keel.checkpoint.sim;

import dev.keel.consensus.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The contract's {@code anchors} mapping as an append-only log with cheap versions. Every block
 * keeps its own contract state so a reorg can roll back, and anchors only ever grow by one at
 * {@code count + 1}; so versions share one array and each sees only its first {@code size}
 * entries. Appending in place is safe when nobody has written past this version's end; otherwise
 * (a sibling branch after a reorg or a discarded eth_call) the prefix is copied first. This keeps
 * memory linear in the number of checkpoints instead of checkpoints x blocks.
 *
 * <p>Not thread-safe: {@link SimChain}'s lock guards every state.
 */
final class AnchorLog {
    /** One accepted checkpoint: the contract's {@code Anchor} struct. */
    record Anchor(Hash digest, long lastHeight, long l1Block) {
        static final Anchor NONE = new Anchor(Hash.ZERO, 0, 0);

        Anchor {
            Objects.requireNonNull(digest);
        }
    }

    static final AnchorLog EMPTY = new AnchorLog(new ArrayList<>(), 0);

    private final List<Anchor> arena;
    private final int size;

    private AnchorLog(List<Anchor> arena, int size) {
        this.arena = arena;
        this.size = size;
    }

    long size() {
        return size;
    }

    /** anchors[number]: a zero anchor for 0 or beyond the end, as an unset mapping entry reads. */
    Anchor get(long number) {
        if (number < 1 || number > size) {
            return Anchor.NONE;
        }
        return arena.get((int) (number - 1));
    }

    /** This log plus {@code anchor} as entry {@code size + 1}; this version is unchanged. */
    AnchorLog append(Anchor anchor) {
        if (size == Integer.MAX_VALUE - 1) {
            throw new IllegalStateException("anchor log full");
        }
        if (arena.size() == size) {
            arena.add(anchor);
            return new AnchorLog(arena, size + 1);
        }
        List<Anchor> copy = new ArrayList<>(arena.subList(0, size));
        copy.add(anchor);
        return new AnchorLog(copy, size + 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnchorLog other && other.size == size
                && arena.subList(0, size).equals(other.arena.subList(0, size));
    }

    @Override
    public int hashCode() {
        return arena.subList(0, size).hashCode();
    }
}
