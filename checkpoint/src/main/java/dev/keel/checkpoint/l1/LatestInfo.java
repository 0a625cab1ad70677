package dev.keel.checkpoint.l1;

import dev.keel.consensus.types.Hash;
import java.util.Objects;

/**
 * The contract's {@code latest()}: how many checkpoints it accepted, the last L2 height they
 * cover and the latest one's digest ({@link Hash#ZERO} and 0, 0 before the first).
 */
public record LatestInfo(long number, long height, Hash digest) {
    public LatestInfo {
        if (number < 0 || height < 0) {
            throw new IllegalArgumentException("latest() out of range: number " + number + " height " + height);
        }
        Objects.requireNonNull(digest, "digest");
    }
}
