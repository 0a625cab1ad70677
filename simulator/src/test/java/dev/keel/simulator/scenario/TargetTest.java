package dev.keel.simulator.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Resolving targets: every kind handled, the same draw on both sides for the same window. */
class TargetTest {
    @Test
    void everyKindOfTargetResolves() {
        for (Class<?> kind : Target.class.getPermittedSubclasses()) {
            Target t = kind == Target.Indices.class ? new Target.Indices(List.of(2, 0)) : (Target) newInstance(kind);
            int[] got = FaultWindow.resolveTargets(t, 5, 3, new SplittableRandom(1));
            assertTrue(got.length >= 1 && got[0] >= 0 && got[got.length - 1] < 5, kind.getSimpleName());
        }
        assertEquals(3, Target.class.getPermittedSubclasses().length);
    }

    private static Object newInstance(Class<?> kind) {
        try {
            return kind.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void leaderIndicesAndRandom() {
        assertArrayEquals(new int[] {3}, FaultWindow.resolveTargets(Target.LEADER, 5, 3, new SplittableRandom(1)));
        assertArrayEquals(new int[] {0, 2}, FaultWindow.resolveTargets(new Target.Indices(List.of(2, 0)), 5, 3, null));
        assertThrows(IllegalArgumentException.class, () -> FaultWindow.resolveTargets(Target.LEADER, 5, -1, null));
        assertThrows(IllegalArgumentException.class, () -> FaultWindow.resolveTargets(new Target.Indices(List.of(5)), 5, 0, null));
        Set<Integer> drawn = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            drawn.add(FaultWindow.resolveTargets(Target.RANDOM, 5, 0, new SplittableRandom(seed))[0]);
        }
        assertEquals(Set.of(0, 1, 2, 3, 4), drawn, "a random target can be anyone");
    }

    @Test
    void theSameWindowDrawsTheSameRandomTarget() {
        Scenario s = Scenario.parse("{:name \"r\" :seed 99 :validators 16 :faults [{:nemesis :kill :duration 1} {:nemesis :kill :duration 1}"
                + " {:nemesis :kill :duration 1} {:nemesis :kill :duration 1}]}");
        Set<Integer> perWindow = new HashSet<>();
        for (FaultWindow w : s.windows()) {
            int a = w.resolveTargets(16, 0, Cut.randomFor(s, w))[0];
            assertEquals(a, w.resolveTargets(16, 0, Cut.randomFor(Scenario.parse(s.toEdn()), w))[0]);
            perWindow.add(a);
        }
        assertTrue(perWindow.size() > 1, "windows draw independently: " + perWindow);
    }
}
