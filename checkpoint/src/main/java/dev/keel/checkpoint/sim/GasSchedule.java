package dev.keel.checkpoint.sim;

import dev.keel.consensus.types.Bytes;

/**
 * A deterministic gas estimate, not an EVM gas count: the simulator runs the contract in Java,
 * so it charges the big-ticket items (intrinsic cost, calldata, ecrecover, storage reads and
 * writes, logs, code deposit) with Cancun's prices and ignores the rest. It is close enough for
 * fee logic and gas limits to behave; the real figures are measured on the Hardhat node.
 */
final class GasSchedule {
    static final long TX = 21_000;
    static final long CREATE = 32_000;
    static final long CALLDATA_ZERO = 4;
    static final long CALLDATA_NONZERO = 16;
    static final long INITCODE_WORD = 2;
    static final long CODE_DEPOSIT_BYTE = 200;
    /** Selector dispatch, ABI decoding, memory: a flat allowance per call. */
    static final long DISPATCH = 600;
    static final long SLOAD = 2_100;
    static final long SSTORE_NEW = 22_100;
    static final long SSTORE_UPDATE = 5_000;
    static final long ECRECOVER = 3_000;
    /** Loop body around each ecrecover: calldata loads, comparisons, the precompile call. */
    static final long SIGNATURE_LOOP = 700;
    static final long KECCAK = 30;
    static final long KECCAK_WORD = 6;
    static final long LOG = 375;
    static final long LOG_TOPIC = 375;
    static final long LOG_BYTE = 8;

    private GasSchedule() {
    }

    /** What every transaction pays before any code runs (EIP-2028 calldata, EIP-3860 initcode words). */
    static long intrinsic(Bytes data, boolean create) {
        long gas = TX;
        for (byte b : data.unsafeArray()) {
            gas += b == 0 ? CALLDATA_ZERO : CALLDATA_NONZERO;
        }
        if (create) {
            gas += CREATE + INITCODE_WORD * ((data.length() + 31L) / 32);
        }
        return gas;
    }

    static long keccak(long bytes) {
        return KECCAK + KECCAK_WORD * ((bytes + 31) / 32);
    }

    static long log(int topics, long dataBytes) {
        return LOG + LOG_TOPIC * topics + LOG_BYTE * dataBytes;
    }

    /** Gas used so far by one call. */
    static final class Meter {
        private long used;

        void charge(long gas) {
            used = Math.addExact(used, gas);
        }

        long used() {
            return used;
        }
    }
}
