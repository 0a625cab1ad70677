package dev.keel.checkpoint.sim;

import dev.keel.checkpoint.EthAddress;
import dev.keel.checkpoint.Keccak;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.math.BigInteger;
import java.util.Optional;

/**
 * A signed transaction as the simulator keeps it: decoded once on arrival, sender recovered.
 * Legacy and EIP-2930 transactions carry one gas price, which serves as both fee caps.
 *
 * @param type 0 legacy, 1 EIP-2930, 2 EIP-1559
 * @param v    as signed: 27/28 or EIP-155 for legacy, the y parity (0/1) for typed transactions
 */
public record SimTx(Hash hash, Bytes raw, int type, long chainId, EthAddress from, long nonce,
                    Optional<EthAddress> to, BigInteger value, Bytes data, long gasLimit, BigInteger maxFeePerGas,
                    BigInteger maxPriorityFeePerGas, BigInteger v, BigInteger r, BigInteger s) {
    public SimTx {
        if (!hash.bytes().equals(Bytes.wrap(Keccak.hash(raw.unsafeArray())))) {
            throw new IllegalArgumentException("a transaction hash is keccak256 of its raw bytes");
        }
        if (nonce < 0 || gasLimit < 0 || value.signum() < 0 || maxPriorityFeePerGas.compareTo(maxFeePerGas) > 0) {
            throw new IllegalArgumentException("bad transaction fields in " + hash);
        }
    }

    public boolean isCreate() {
        return to.isEmpty();
    }

    /** What the sender pays per gas above the base fee: min(maxPriorityFee, maxFee - baseFee); negative = not includable. */
    public BigInteger effectiveTip(BigInteger baseFee) {
        return maxPriorityFeePerGas.min(maxFeePerGas.subtract(baseFee));
    }

    /** The price per gas the receipt reports (EIP-1559): baseFee + effective tip. */
    public BigInteger effectiveGasPrice(BigInteger baseFee) {
        return baseFee.add(effectiveTip(baseFee));
    }

    /** geth's replacement rule: both fee caps raised by at least 10%. */
    public boolean replaces(SimTx pending) {
        return bumped(maxFeePerGas, pending.maxFeePerGas) && bumped(maxPriorityFeePerGas, pending.maxPriorityFeePerGas);
    }

    private static boolean bumped(BigInteger now, BigInteger before) {
        return now.multiply(BigInteger.valueOf(100)).compareTo(before.multiply(BigInteger.valueOf(110))) >= 0;
    }
}
