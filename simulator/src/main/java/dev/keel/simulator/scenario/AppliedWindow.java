package dev.keel.simulator.scenario;

import java.util.Locale;

/**
 * A fault window as one simulation applied it: when (virtual microseconds) and what was
 * chosen when it opened, e.g. the cut's description or {@code kill [2] at before_commit}.
 */
public record AppliedWindow(FaultWindow window, long startMicros, long endMicros, String action) {
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "#%-2d %9s -> %9s  %s", window.index(), seconds(startMicros), seconds(endMicros), action);
    }

    private static String seconds(long micros) {
        return ScenarioEdn.number(micros / 1e6) + "s";
    }
}
