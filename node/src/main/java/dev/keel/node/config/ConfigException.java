package dev.keel.node.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Bad configuration from outside (node HOCON, genesis file, key files, CLI flags): every
 * problem found, each naming the key it is about, so an operator fixes them all in one go.
 * Thrown before anything starts; never for a failure of the process itself.
 *
 * <p>It is an {@link IllegalArgumentException} because it is exactly that: the record
 * constructors that guard these files' invariants throw it too.
 */
public final class ConfigException extends IllegalArgumentException {
    /** One problem: the full key path it is about ({@code keel.http.port}, {@code validators[2].p2p}) and what is wrong. */
    public record Problem(String key, String message) {
        public Problem {
            if (message.isBlank()) {
                throw new IllegalArgumentException("a problem needs a message");
            }
        }

        @Override
        public String toString() {
            return key.isEmpty() ? message : key + ": " + message;
        }
    }

    private final String source;
    private final List<Problem> problems;

    /**
     * @param source   the file (or other origin) the problems are in, or null when the keys say it all
     * @param problems at least one
     */
    public ConfigException(String source, List<Problem> problems) {
        super(format(source, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** One problem with {@code key}, no file named. */
    public ConfigException(String key, String message) {
        this(null, List.of(new Problem(key, message)));
    }

    /** The same problems, attributed to {@code newSource} (e.g. the file they were read from). */
    public ConfigException withSource(String newSource) {
        return new ConfigException(newSource, problems);
    }

    /** The key of the first problem. */
    public String key() {
        return problems.get(0).key();
    }

    /** The first problem's message, without its key. */
    public String problem() {
        return problems.get(0).message();
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The file or origin, or null. */
    public String source() {
        return source;
    }

    private static String format(String source, List<Problem> problems) {
        String prefix = source == null ? "" : source + ": ";
        if (problems.size() == 1) {
            return prefix + problems.get(0);
        }
        return prefix + problems.size() + " problems:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
