package dev.keel.app;

/**
 * The mempool admission verdict. {@code priority}: higher is proposed first (FIFO among
 * equals). {@code code} is {@link TxResult#OK} or a stable snake_case reason
 * ({@code malformed}, {@code bad_signature}, {@code insufficient_funds}, ...).
 */
public record CheckResult(String code, String message, long priority) {
    /** Shared: the mempool checks every submitted transaction, most with priority 0. */
    private static final CheckResult OK_PRIORITY_0 = new CheckResult(TxResult.OK, "", 0);

    public CheckResult {
        TxResult.requireCode(code);
        message = message == null ? "" : message;
    }

    public static CheckResult ok(long priority) {
        return priority == 0 ? OK_PRIORITY_0 : new CheckResult(TxResult.OK, "", priority);
    }

    public static CheckResult reject(String code, String message) {
        if (TxResult.OK.equals(code)) {
            throw new IllegalArgumentException("a rejection needs a reason code");
        }
        return new CheckResult(code, message, 0);
    }

    public boolean accepted() {
        return TxResult.OK.equals(code);
    }
}
