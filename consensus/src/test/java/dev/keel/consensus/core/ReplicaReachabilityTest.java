package dev.keel.consensus.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.TestChain;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A round led by an unreachable validator is timed out fast; a reachable leader gets the full timeout. */
class ReplicaReachabilityTest {
    private final TestChain t = TestChain.four();

    @Test
    void theLeaderOfThisRoundGoingAwayShortensItsTimer() {
        Replica r = t.replica(0);
        Actions start = r.step(new Event.Start());
        assertEquals(1, r.round());
        assertEquals(TestChain.BASE_TIMEOUT, start.timer().orElseThrow().after());
        int leader = t.config(0).leaders().leader(1);
        Actions a = r.step(new Event.PeerReachability(leader, false));
        assertEquals(TestChain.BASE_TIMEOUT.dividedBy(5), a.timer().orElseThrow().after());
        assertEquals(1, a.timer().get().round());
    }

    @Test
    void anotherValidatorGoingAwayLeavesTheTimerAlone() {
        Replica r = t.replica(0);
        r.step(new Event.Start());
        var leaders = t.config(0).leaders();
        int other = -1;
        for (int v = 0; v < 4 && other < 0; v++) {
            if (v != 0 && v != leaders.leader(1) && v != leaders.leader(2)) {
                other = v;
            }
        }
        assertTrue(r.step(new Event.PeerReachability(other, false)).timer().isEmpty());
    }

    @Test
    void theNextRoundsLeaderGoingAwayShortensThisRoundToo() {
        Replica r = t.replica(0);
        r.step(new Event.Start());
        int collector = t.config(0).leaders().leader(2); // collects round 1's votes
        Actions a = r.step(new Event.PeerReachability(collector, false));
        assertEquals(TestChain.BASE_TIMEOUT.dividedBy(5), a.timer().orElseThrow().after());
    }

    @Test
    void aLeaderThatCameBackGetsTheFullTimeoutAgain() {
        Replica r = t.replica(0);
        r.step(new Event.Start());
        int next = t.config(0).leaders().leader(3);
        r.step(new Event.PeerReachability(next, false));
        r.step(new Event.PeerReachability(next, true));
        Duration d = r.step(new Event.TimerFired(1)).timer().map(TimerRequest::after).orElse(Duration.ZERO);
        assertTrue(d.compareTo(TestChain.BASE_TIMEOUT.dividedBy(5)) > 0, "full timeout expected, got " + d);
    }
}
