package dev.keel.checkpoint.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.keel.checkpoint.Checkpoint;
import dev.keel.checkpoint.CheckpointFixture;
import dev.keel.checkpoint.CheckpointSigners;
import dev.keel.checkpoint.EthSignature;
import dev.keel.checkpoint.SignedCheckpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Arrival order must not matter: any order of an honest quorum's votes forms the checkpoint exactly once. */
class AggregatorOrderTest {
    private static final Checkpoint CP = CheckpointFixture.checkpoint(3, 16);
    /** Signing is the slow part and deterministic: once per validator. */
    private static final List<EthSignature> SIGS = IntStream.range(0, 10)
            .mapToObj(i -> CheckpointFixture.key(i).sign(CP.digest())).toList();
    private static final int LOCAL = -1;

    /**
     * @param events validator indexes in arrival order; {@link #LOCAL} is this node building its own checkpoint,
     *               and an index may repeat (a re-announced vote)
     */
    record Scenario(int n, int self, List<Integer> events) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.integers().between(4, 10).flatMap(n -> Arbitraries.integers().between(0, n - 1)
                .flatMap(self -> {
                    List<Integer> others = IntStream.range(0, n).filter(i -> i != self).boxed().toList();
                    int threshold = n * 2 / 3 + 1;
                    return Arbitraries.subsetOf(others).ofMinSize(threshold - 1)
                            .flatMap(voters -> Arbitraries.of(others).list().ofMaxSize(3).flatMap(repeats -> {
                                List<Integer> events = new ArrayList<>(voters);
                                events.addAll(repeats.stream().filter(voters::contains).toList());
                                events.add(LOCAL);
                                return Arbitraries.shuffle(events).map(order -> new Scenario(n, self, order));
                            }));
                }));
    }

    @Property(tries = 150)
    void anyArrivalOrderFormsExactlyOnce(@ForAll("scenarios") Scenario s) {
        CheckpointSigners signers = CheckpointFixture.signers(s.n());
        Aggregator agg = new Aggregator(signers, 8, () -> 77);
        List<SignedCheckpoint> formed = new ArrayList<>();
        for (int e : s.events()) {
            if (e == LOCAL) {
                agg.local(CP, SIGS.get(s.self()), s.self()).ifPresent(formed::add);
                continue;
            }
            VoteOutcome out = agg.vote(e, CP.number(), CP.digest(), SIGS.get(e));
            if (out instanceof VoteOutcome.Formed f) {
                formed.add(f.checkpoint());
            } else if (!formed.isEmpty()) {
                assertInstanceOf(VoteOutcome.AlreadyFormed.class, out);
            }
        }
        assertEquals(1, formed.size(), "formed exactly once");
        SignedCheckpoint f = formed.get(0);
        assertEquals(CP, f.checkpoint());
        assertEquals(signers.threshold(), f.signatures().size());
        for (int i = 0; i < f.signers().size(); i++) {
            assertEquals(Optional.of(f.signers().get(i)), f.signatures().get(i).recover(CP.digest()));
        }
        assertEquals(List.of(), agg.unformed());
    }
}
