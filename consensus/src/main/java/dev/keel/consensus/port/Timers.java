package dev.keel.consensus.port;

import dev.keel.consensus.core.TimerRequest;

/** The round timer: one at a time; setting it cancels the previous one. */
public interface Timers {
    void set(TimerRequest request);
}
