package dev.keel.checkpoint.anchor;

import dev.keel.checkpoint.Checkpoint;
import dev.keel.checkpoint.CheckpointFixture;
import dev.keel.checkpoint.EthAddress;
import dev.keel.checkpoint.SignedCheckpoint;
import dev.keel.consensus.types.Hash;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Four validators over a {@link FakeL1}, with a hand-driven clock; checkpoints cover 10 blocks each. */
final class TestNet {
    static final int N = 4;
    static final long INTERVAL = 10;
    static final Duration TAKEOVER = Duration.ofSeconds(10);
    static final Duration REPLACE_AFTER = Duration.ofSeconds(30);
    static final BigInteger FEE_CAP = FakeL1.GWEI.multiply(BigInteger.valueOf(500));
    static final EthAddress CONTRACT = EthAddress.parse("0x00000000000000000000000000000000000c0de1");

    final FakeL1 l1 = new FakeL1();
    final AtomicLong now = new AtomicLong(1_000_000);
    /** Checkpoints this node built, by number (what the watcher compares L1 digests with). */
    final Map<Long, Checkpoint> built = new HashMap<>();
    /** Checkpoints formed here, by number (what the submitter sends). */
    final Map<Long, SignedCheckpoint> formed = new HashMap<>();
    final L1Settings settings = new L1Settings("http://fake-l1", CONTRACT, 2, Duration.ofMillis(500), TAKEOVER,
            REPLACE_AFTER, FEE_CAP);

    static Checkpoint checkpoint(long number) {
        return CheckpointFixture.checkpoint(number, INTERVAL);
    }

    /** Builds and forms checkpoints 1..{@code upTo}. */
    TestNet formUpTo(long upTo) {
        for (long n = 1; n <= upTo; n++) {
            Checkpoint cp = checkpoint(n);
            built.put(n, cp);
            formed.computeIfAbsent(n, x -> CheckpointFixture.formed(cp, CheckpointFixture.keys(N), 3, now.get()));
        }
        return this;
    }

    AnchorWatcher watcher(int confirmations) {
        return new AnchorWatcher(l1, confirmations, n -> Optional.ofNullable(built.get(n)).map(Checkpoint::digest));
    }

    Submitter submitter(int index, Journal journal) {
        return new Submitter(l1, CheckpointFixture.key(index), index, N, settings, journal,
                n -> Optional.ofNullable(formed.get(n)), now::get);
    }

    /** A fresh reading of the L1, as the anchoring loop takes before every submitter tick. */
    L1View view() {
        return watcher(settings.confirmations()).poll();
    }

    void advance(Duration d) {
        now.addAndGet(d.toMillis());
    }

    static Hash digest(long number) {
        return checkpoint(number).digest();
    }
}
