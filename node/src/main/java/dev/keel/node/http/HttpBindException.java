package dev.keel.node.http;

/** The HTTP API could not listen where configured: port taken, address not local, or not permitted. */
public final class HttpBindException extends RuntimeException {
    public HttpBindException(String message, Throwable cause) {
        super(message, cause);
    }
}
