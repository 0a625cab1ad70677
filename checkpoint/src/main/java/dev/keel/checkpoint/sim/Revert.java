package dev.keel.checkpoint.sim;

/**
 * Unwinds a simulated contract call, as {@code revert} unwinds an EVM call: thrown deep in the
 * rule checks or the ABI decoder, caught once in {@link SimulatedContract}, never seen outside.
 * No stack trace: it is control flow, and rejected checkpoints are routine.
 */
final class Revert extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient ContractError error;

    Revert(ContractError error) {
        super(error.name(), null, false, false);
        this.error = error;
    }
}
