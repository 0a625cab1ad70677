package dev.keel.checkpoint.anchor;

import dev.keel.checkpoint.EthAddress;
import dev.keel.checkpoint.l1.AnchorInfo;
import dev.keel.checkpoint.l1.LatestInfo;
import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The L1 as the submitter and the watcher see it: a handful of JSON-RPC reads and one write.
 * {@link Web3jL1} implements it over any Ethereum JSON-RPC endpoint (a real node, Hardhat, or
 * the embedded simulator); every method throws {@link L1Exception} when the L1 cannot answer.
 */
public interface L1Port {
    long chainId();

    long headNumber();

    /** The newest block the L1 calls final ({@code finalized} tag), if it has the notion. */
    OptionalLong finalizedNumber();

    BigInteger baseFee();

    BigInteger priorityFee();

    /** Nonce for the next transaction from {@code account}, counting its pending ones. */
    long pendingNonce(EthAddress account);

    /** Nonce after the account's mined transactions only. */
    long minedNonce(EthAddress account);

    LatestInfo latest();

    AnchorInfo anchor(long number);

    /** Runs {@code calldata} against the contract at the latest block: the revert it would hit, or gas it would use. */
    Preflight preflight(EthAddress from, String calldata);

    /** Broadcasts a signed transaction; returns its hash. Known-already is not an error. */
    String send(String signedRawTx);

    Optional<Receipt> receipt(String txHash);

    /** True when the L1 still knows the transaction (pending or mined). */
    boolean knows(String txHash);

    record Receipt(String txHash, long blockNumber, boolean success, long gasUsed) {
    }

    sealed interface Preflight {
        record Ok(long gas) implements Preflight {
        }

        record Reverts(String error) implements Preflight {
        }
    }

    /** The L1 is unreachable, failing, or refused a request. */
    final class L1Exception extends RuntimeException {
        public L1Exception(String message) {
            super(message);
        }

        public L1Exception(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
