package dev.keel.checkpoint.sim;

import java.util.Optional;

/**
 * A JSON-RPC error answer: bad input from a client (a typed rejection, counted, never fatal),
 * a transaction the node refuses, or a reverted call. Codes follow geth: -32700 parse error,
 * -32600 invalid request, -32601 unknown method, -32602 invalid params, -32000 rejected by the
 * node's rules, 3 execution reverted (with the revert data as {@code data}).
 */
public final class RpcError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int SERVER_ERROR = -32000;
    public static final int EXECUTION_REVERTED = 3;

    private final int code;
    private final transient Optional<String> data;

    public RpcError(int code, String message, Optional<String> data) {
        super(message, null, false, false);
        this.code = code;
        this.data = data;
    }

    public static RpcError invalidParams(String message) {
        return new RpcError(INVALID_PARAMS, message, Optional.empty());
    }

    /** A transaction or request the node's rules refuse ("nonce too low", ...). */
    public static RpcError rejected(String message) {
        return new RpcError(SERVER_ERROR, message, Optional.empty());
    }

    /** geth's shape: {code: 3, message: "execution reverted[: Name]", data: "0x" + revert data}. */
    public static RpcError reverted(ContractError error) {
        String message = error.name().isEmpty() ? "execution reverted"
                : error instanceof ContractError.Message m ? "execution reverted: " + m.text()
                : "execution reverted: " + error.name();
        return new RpcError(EXECUTION_REVERTED, message, Optional.of("0x" + error.encode().toHex()));
    }

    public int code() {
        return code;
    }

    public Optional<String> data() {
        return data;
    }
}
