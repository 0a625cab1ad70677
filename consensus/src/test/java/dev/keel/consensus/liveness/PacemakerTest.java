package dev.keel.consensus.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Rounds only go up; the round timeout backs off with rounds since the last commit, capped. */
class PacemakerTest {
    private static final Duration BASE = Duration.ofMillis(1000);
    private static final Duration MAX = Duration.ofMillis(8000);

    private static Pacemaker pacemaker() {
        return new Pacemaker(BASE, MAX);
    }

    @Test
    void roundsNeverGoBack() {
        Pacemaker p = pacemaker();
        assertEquals(0, p.round());
        assertTrue(p.advanceTo(5));
        assertFalse(p.advanceTo(3));
        assertFalse(p.advanceTo(5));
        assertEquals(5, p.round());
        assertTrue(p.advanceTo(6));
        assertEquals(6, p.round());
    }

    @Property
    void roundIsTheMaximumEverRequested(@ForAll @LongRange(max = 1_000_000) long a,
                                        @ForAll @LongRange(max = 1_000_000) long b) {
        Pacemaker p = pacemaker();
        p.advanceTo(a);
        p.advanceTo(b);
        assertEquals(Math.max(a, b), p.round());
    }

    @Test
    void timeoutIsBaseWhileWithinThePipelineDepthOfTheLastCommit() {
        // 2-chain: a healthy round r commits the block of round r-2, so two rounds behind is normal.
        Pacemaker p = pacemaker();
        for (long r = 0; r <= 2; r++) {
            p.advanceTo(r);
            assertEquals(BASE, p.timeout(), "round " + r);
        }
    }

    @Test
    void timeoutDoublesPerRoundBeyondTwoSinceCommitUpToTheCap() {
        Pacemaker p = pacemaker();
        long[] expectedMillis = {1000, 1000, 1000, 2000, 4000, 8000, 8000, 8000};
        for (int r = 0; r < expectedMillis.length; r++) {
            p.advanceTo(r);
            assertEquals(Duration.ofMillis(expectedMillis[r]), p.timeout(), "round " + r);
        }
    }

    @Test
    void timeoutStaysCappedFarFromTheLastCommit() {
        Pacemaker p = pacemaker();
        p.advanceTo(Long.MAX_VALUE / 2);
        assertEquals(MAX, p.timeout());
        Pacemaker wide = new Pacemaker(Duration.ofMillis(1), Duration.ofDays(365));
        wide.advanceTo(1_000_000);
        assertEquals(Duration.ofMillis(1L << 20), wide.timeout(), "doublings are bounded too");
    }

    @Test
    void commitResetsTheBackoff() {
        Pacemaker p = pacemaker();
        p.advanceTo(10);
        assertEquals(MAX, p.timeout());
        p.onCommit(9);
        assertEquals(BASE, p.timeout());
        p.advanceTo(12);
        assertEquals(Duration.ofMillis(2000), p.timeout());
    }

    @Test
    void anOlderCommitDoesNotUndoANewerOne() {
        Pacemaker p = pacemaker();
        p.advanceTo(10);
        p.onCommit(9);
        p.onCommit(3);
        assertEquals(BASE, p.timeout());
    }

    @Test
    void rejectsNonPositiveBaseOrMaxBelowBase() {
        assertThrows(IllegalArgumentException.class, () -> new Pacemaker(Duration.ZERO, MAX));
        assertThrows(IllegalArgumentException.class, () -> new Pacemaker(Duration.ofMillis(-1), MAX));
        assertThrows(IllegalArgumentException.class, () -> new Pacemaker(MAX, BASE));
    }
}
