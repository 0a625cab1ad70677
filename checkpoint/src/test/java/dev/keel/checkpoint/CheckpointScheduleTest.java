package dev.keel.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Checkpoint k covers ((k-1)·N, k·N]: every validator must cut the chain at the same heights. */
class CheckpointScheduleTest {
    private final CheckpointSchedule every10 = new CheckpointSchedule(10);

    @Test
    void intervalBounds() {
        assertThrows(IllegalArgumentException.class, () -> new CheckpointSchedule(0));
        assertThrows(IllegalArgumentException.class, () -> new CheckpointSchedule(-1));
        assertThrows(IllegalArgumentException.class, () -> new CheckpointSchedule(CheckpointSchedule.MAX_INTERVAL + 1));
        assertEquals(1, new CheckpointSchedule(1).interval());
        long max = CheckpointSchedule.MAX_INTERVAL;
        assertEquals(max, new CheckpointSchedule(max).interval());
    }

    @Test
    void boundaries() {
        assertFalse(every10.closes(0), "genesis closes nothing");
        assertFalse(every10.closes(-10));
        assertFalse(every10.closes(9));
        assertTrue(every10.closes(10));
        assertFalse(every10.closes(11));
        assertEquals(2, every10.numberClosedBy(20));
        assertThrows(IllegalArgumentException.class, () -> every10.numberClosedBy(15));
        assertThrows(IllegalArgumentException.class, () -> every10.numberClosedBy(0));
        assertEquals(0, every10.numberCovering(0));
        assertEquals(1, every10.numberCovering(1));
        assertEquals(1, every10.numberCovering(10));
        assertEquals(2, every10.numberCovering(11));
        assertEquals(1, every10.firstHeight(1));
        assertEquals(10, every10.lastHeight(1));
        assertEquals(11, every10.firstHeight(2));
    }

    @Test
    void intervalOneMakesEveryBlockACheckpoint() {
        CheckpointSchedule each = new CheckpointSchedule(1);
        for (long h = 1; h <= 5; h++) {
            assertTrue(each.closes(h));
            assertEquals(h, each.numberClosedBy(h));
            assertEquals(h, each.numberCovering(h));
            assertEquals(h, each.firstHeight(h));
            assertEquals(h, each.lastHeight(h));
        }
    }

    @Property(tries = 2000)
    void coveringFirstAndLastAgree(@ForAll @LongRange(min = 1, max = CheckpointSchedule.MAX_INTERVAL) long interval,
                                   @ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long height) {
        CheckpointSchedule s = new CheckpointSchedule(interval);
        long k = s.numberCovering(height);
        assertTrue(k >= 1);
        assertTrue(s.firstHeight(k) <= height && height <= s.lastHeight(k), "height inside its checkpoint's range");
        assertEquals(interval, s.lastHeight(k) - s.firstHeight(k) + 1);
        assertEquals(s.lastHeight(k) + 1, s.firstHeight(k + 1), "ranges are contiguous");
        assertEquals(k, s.numberCovering(s.firstHeight(k)));
        assertEquals(k, s.numberCovering(s.lastHeight(k)));
        assertEquals(height == s.lastHeight(k), s.closes(height));
        if (s.closes(height)) {
            assertEquals(k, s.numberClosedBy(height));
        }
    }
}
