package dev.keel.node.checkpoint;

import dev.keel.checkpoint.Checkpoint;
import dev.keel.checkpoint.EthAddress;
import dev.keel.consensus.types.Hash;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A CheckpointView whose answers a test sets. {@link #reset()} gives the sample: interval 2,
 * checkpoint #1 (heights 1-2) settled, #2 (3-4) anchored, #3 (5-6) built here only; so heights 1-2
 * are settled, 3-4 anchored, 5 and up committed. L1 configured and reachable, nothing in flight.
 */
public final class FakeCheckpointView implements CheckpointView {
    public static final long INTERVAL = 2;
    public static final String L1_URL = "http://127.0.0.1:8545";
    public static final String CONTRACT = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    public static final String L1_TX = "0x" + "ab".repeat(32);
    public static final List<EthAddress> SIGNERS = List.of(address(1), address(2), address(3));
    /** When checkpoint n's last block was committed here (Unix ms). */
    public static final long COMMITTED_AT = 1_700_000_000_000L;

    public final AtomicBoolean enabled = new AtomicBoolean();
    public final ConcurrentSkipListMap<Long, CheckpointInfo> checkpoints = new ConcurrentSkipListMap<>();
    public final AtomicLong anchoredHeight = new AtomicLong();
    public final AtomicLong settledHeight = new AtomicLong();
    public final AtomicReference<AnchorSummary> summary = new AtomicReference<>();

    public FakeCheckpointView() {
        reset();
    }

    public void reset() {
        enabled.set(true);
        checkpoints.clear();
        put(settled(1));
        put(anchored(2));
        put(built(3));
        anchoredHeight.set(4);
        settledHeight.set(2);
        summary.set(summary(true, Optional.empty(), Optional.empty()));
    }

    public void put(CheckpointInfo info) {
        checkpoints.put(info.checkpoint().number(), info);
    }

    /** The sample summary with the L1's reachability, error and in-flight transaction replaced. */
    public static AnchorSummary summary(boolean reachable, Optional<String> error, Optional<String> inflight) {
        return new AnchorSummary(INTERVAL, 3, 2, 4, 2, true, reachable, error, reachable ? 1234 : 1200,
                Optional.of(L1_URL), Optional.of(CONTRACT), inflight, 0, 1);
    }

    /** Checkpoint {@code n} of the sample chain: heights 2n-1 .. 2n, chain id 31337. */
    public static Checkpoint sample(long n) {
        return new Checkpoint(n, 31337, 0, INTERVAL * (n - 1) + 1, INTERVAL * n, hash("block-" + INTERVAL * n),
                hash("blocks-" + n), hash("state-" + n), hash("validators"));
    }

    /** Signed here only, waiting for a quorum. */
    public static CheckpointInfo built(long n) {
        Checkpoint c = sample(n);
        return new CheckpointInfo(c, c.digest(), Stage.BUILT, 1, 3, List.of(), OptionalLong.empty(), 0,
                Optional.empty(), OptionalLong.of(COMMITTED_AT + n * 1000), OptionalLong.empty(), OptionalLong.empty());
    }

    /** In the contract at L1 block 1230 + n, this node's transaction, anchored 800 ms after its commit. */
    public static CheckpointInfo anchored(long n) {
        Checkpoint c = sample(n);
        long committed = COMMITTED_AT + n * 1000;
        return new CheckpointInfo(c, c.digest(), Stage.ANCHORED, 3, 3, SIGNERS, OptionalLong.of(1230 + n), 2,
                Optional.of(L1_TX), OptionalLong.of(committed), OptionalLong.of(committed + 800), OptionalLong.empty());
    }

    /** Settled 5 s after its commit; this node did not send its transaction and did not see the commit live. */
    public static CheckpointInfo settled(long n) {
        Checkpoint c = sample(n);
        long committed = COMMITTED_AT + n * 1000;
        return new CheckpointInfo(c, c.digest(), Stage.SETTLED, 3, 3, SIGNERS, OptionalLong.of(1220 + n), 12,
                Optional.empty(), OptionalLong.empty(), OptionalLong.of(committed + 800), OptionalLong.of(committed + 5000));
    }

    public static EthAddress address(int i) {
        return EthAddress.parse(String.format("0x%040x", i));
    }

    private static Hash hash(String text) {
        return Hash.of(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean enabled() {
        return enabled.get();
    }

    @Override
    public Optional<CheckpointInfo> checkpoint(long number) {
        return enabled() ? Optional.ofNullable(checkpoints.get(number)) : Optional.empty();
    }

    @Override
    public Optional<CheckpointInfo> latest() {
        return enabled() && !checkpoints.isEmpty() ? Optional.of(checkpoints.lastEntry().getValue()) : Optional.empty();
    }

    @Override
    public List<CheckpointInfo> recent(int max) {
        List<CheckpointInfo> out = new ArrayList<>();
        if (enabled()) {
            checkpoints.descendingMap().values().stream().limit(max).forEach(out::add);
        }
        return out;
    }

    @Override
    public Finality finality(long height) {
        if (!enabled()) {
            return Finality.COMMITTED;
        }
        return height <= settledHeight.get() ? Finality.SETTLED
                : height <= anchoredHeight.get() ? Finality.ANCHORED : Finality.COMMITTED;
    }

    @Override
    public AnchorSummary summary() {
        return enabled() ? summary.get() : CheckpointView.disabled().summary();
    }
}
