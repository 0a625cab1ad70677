package dev.keel.node.config;

/** A host and a TCP port: where something listens or is reached. */
public record Endpoint(String host, int port) {
    public Endpoint {
        if (host == null || host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("'" + host + "' is not a host name or address");
        }
        if (!isPort(port)) {
            throw new IllegalArgumentException(notAPort(port));
        }
    }

    public static boolean isPort(long port) {
        return port >= 1 && port <= 65535;
    }

    /** The one wording for a bad port, so every file and flag says it the same way. */
    public static String notAPort(long port) {
        return port + " is not a port (1-65535)";
    }

    /** {@code host:port}, with an IPv6 address in brackets. */
    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
