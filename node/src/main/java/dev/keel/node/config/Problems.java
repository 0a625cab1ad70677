package dev.keel.node.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Collects configuration problems while a file is read, so that one run reports all of
 * them rather than the first; {@link #throwIfAny()} ends the reading.
 */
public final class Problems {
    private final String source;
    private final List<ConfigException.Problem> list = new ArrayList<>();

    /** @param source the file being read, or null */
    public Problems(String source) {
        this.source = source;
    }

    public void add(String key, String message) {
        list.add(new ConfigException.Problem(key, message));
    }

    /** Adds what a nested reader found, e.g. a ConfigException from a record constructor. */
    public void addAll(ConfigException e) {
        list.addAll(e.problems());
    }

    /**
     * Builds a value whose constructor checks its own invariants; an {@link IllegalArgumentException}
     * becomes a problem with {@code key}, so the record's message reaches the operator with the key.
     */
    public <T> Optional<T> attempt(String key, Supplier<T> build) {
        try {
            return Optional.of(build.get());
        } catch (ConfigException e) {
            list.addAll(e.problems());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            add(key, e.getMessage());
            return Optional.empty();
        }
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<ConfigException.Problem> list() {
        return List.copyOf(list);
    }

    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new ConfigException(source, list);
        }
    }
}
