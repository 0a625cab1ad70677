package dev.keel.checkpoint.anchor;

import java.util.Optional;

/** Durable home of the in-flight {@link Submission}; {@code save} returns once it is on disk. */
public interface Journal {
    Optional<Submission> load();

    void save(Submission s);

    void clear();

    /** For tests and the simulator: a journal in memory. */
    static Journal inMemory() {
        return new Journal() {
            private Submission current;

            @Override
            public synchronized Optional<Submission> load() {
                return Optional.ofNullable(current);
            }

            @Override
            public synchronized void save(Submission s) {
                current = s;
            }

            @Override
            public synchronized void clear() {
                current = null;
            }
        };
    }
}
