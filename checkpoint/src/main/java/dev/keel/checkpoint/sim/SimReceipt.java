package dev.keel.checkpoint.sim;

import dev.keel.checkpoint.EthAddress;
import dev.keel.consensus.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one mined transaction. A reverted transaction is still mined (status 0): the
 * nonce is used and the fee paid; {@code revert} holds why, for logs and the receipt's
 * non-standard {@code revertReason} field.
 *
 * @param contractAddress set for every deployment, successful or not (as geth does)
 */
public record SimReceipt(Hash txHash, boolean success, long gasUsed, long cumulativeGasUsed,
                         BigInteger effectiveGasPrice, Optional<EthAddress> contractAddress, List<SimLog> logs,
                         Optional<ContractError> revert) {
    public SimReceipt {
        logs = List.copyOf(logs);
        if (success == revert.isPresent() || (!success && !logs.isEmpty())) {
            throw new IllegalArgumentException("a receipt has a revert reason and no logs exactly when it failed");
        }
    }
}
