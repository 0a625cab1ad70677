package dev.keel.checkpoint.l1;

import java.util.Optional;

/**
 * An L1 operation failed: the RPC endpoint answered with an error, timed out, or the contract
 * reverted (then {@link #revert()} names the decoded custom error when there is one). This is
 * an operational failure in DESIGN.md's sense: callers retry or escalate, never halt.
 */
public class L1Exception extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ContractError revert;

    public L1Exception(String message, ContractError revert, Throwable cause) {
        super(revert == null ? message : message + ": reverted with " + revert, cause);
        this.revert = revert;
    }

    public L1Exception(String message) {
        this(message, null, null);
    }

    public L1Exception(String message, Throwable cause) {
        this(message, null, cause);
    }

    /** The contract's decoded rejection, when the failure was a revert with recognizable data. */
    public Optional<ContractError> revert() {
        return Optional.ofNullable(revert);
    }
}
