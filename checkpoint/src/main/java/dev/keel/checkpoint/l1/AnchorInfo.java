package dev.keel.checkpoint.l1;

import dev.keel.consensus.types.Hash;
import java.util.Objects;

/**
 * The contract's {@code anchor(number)}: the accepted checkpoint's digest, its last L2 height and
 * the L1 block that included it. An all-zero digest means "no checkpoint with this number".
 */
public record AnchorInfo(Hash digest, long height, long l1Block) {
    public AnchorInfo {
        Objects.requireNonNull(digest, "digest");
        if (height < 0 || l1Block < 0) {
            throw new IllegalArgumentException("anchor() out of range: height " + height + " l1Block " + l1Block);
        }
    }

    public boolean anchored() {
        return !digest.equals(Hash.ZERO);
    }
}
