package dev.keel.node.http;

/**
 * The body of every error response: a stable machine-readable {@code code} (clients branch
 * on it) and a human {@code message} (which may change between versions).
 */
public record ApiError(String code, String message) {
    public static final String NOT_FOUND = "not_found";
    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    public static final String BAD_REQUEST = "bad_request";
    public static final String NOT_READY = "not_ready";
    public static final String INTERNAL = "internal";
    /** A request body larger than the endpoint accepts; refused before it is read in full. */
    public static final String REQUEST_TOO_LARGE = "request_too_large";
    public static final String REQUEST_TIMEOUT = "request_timeout";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    public static final String TOO_MANY_TXS = "too_many_txs";
    /** The mempool's code for an oversized transaction; the API answers it with 413 rather than 400. */
    public static final String TX_TOO_LARGE = "tx_too_large";
    public static final String BAD_HASH = "bad_hash";
    public static final String TX_NOT_FOUND = "tx_not_found";
    public static final String BAD_BLOCK_ID = "bad_block_id";
    public static final String BLOCK_NOT_FOUND = "block_not_found";
    public static final String BAD_CHECKPOINT_NUMBER = "bad_checkpoint_number";
    public static final String CHECKPOINT_NOT_FOUND = "checkpoint_not_found";
    /** The chain's genesis defines no checkpoints: nothing under /v1/checkpoints will ever exist here. */
    public static final String CHECKPOINTS_DISABLED = "checkpoints_disabled";

    public ApiError {
        if (!code.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("error codes are snake_case words, got '" + code + "'");
        }
    }
}
