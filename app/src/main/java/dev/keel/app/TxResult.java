package dev.keel.app;

import java.util.regex.Pattern;

/**
 * The outcome of one committed transaction: {@link #OK}, or a stable snake_case reason why it
 * changed nothing. Clients see it in {@code GET /v1/txs/{hash}}.
 */
public record TxResult(String code, String message) {
    public static final String OK = "ok";
    /** Set by the engine, not the application: this exact transaction was committed earlier. */
    public static final String DUPLICATE = "duplicate";
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    /** Shared: applications return one result per transaction, >100k per second. */
    private static final TxResult APPLIED = new TxResult(OK, "");

    public TxResult {
        requireCode(code);
        message = message == null ? "" : message;
    }

    public static TxResult ok() {
        return APPLIED;
    }

    public static TxResult rejected(String code, String message) {
        return new TxResult(code, message);
    }

    public boolean applied() {
        return OK.equals(code);
    }

    static void requireCode(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("result codes are snake_case words, got '" + code + "'");
        }
    }
}
