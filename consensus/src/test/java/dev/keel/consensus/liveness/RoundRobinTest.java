package dev.keel.consensus.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Every replica must compute the same leader: round r is led by r mod n. */
class RoundRobinTest {

    @Test
    void leaderIsRoundModValidators() {
        RoundRobin rr = new RoundRobin(4);
        for (long r = 0; r < 12; r++) {
            assertEquals((int) (r % 4), rr.leader(r));
        }
    }

    @Test
    void negativeRoundsStayInRange() {
        RoundRobin rr = new RoundRobin(4);
        assertEquals(3, rr.leader(-1));
        assertEquals(0, rr.leader(-4));
        assertEquals(Math.floorMod(Long.MIN_VALUE, 4L), rr.leader(Long.MIN_VALUE));
    }

    @Property
    void leaderIsFloorModAndInRange(@ForAll long round, @ForAll @IntRange(min = 1, max = 1024) int n) {
        int leader = new RoundRobin(n).leader(round);
        assertTrue(leader >= 0 && leader < n);
        assertEquals(Math.floorMod(round, (long) n), leader);
    }

    @Test
    void rejectsEmptyValidatorSet() {
        assertThrows(IllegalArgumentException.class, () -> new RoundRobin(0));
    }
}
