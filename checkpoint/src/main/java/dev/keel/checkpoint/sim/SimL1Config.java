package dev.keel.checkpoint.sim;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;

/**
 * How the embedded L1 simulator behaves.
 *
 * @param chainId        the L1 chain id transactions must be signed for (EIP-155); Hardhat's 31337 by default
 * @param port           TCP port on 127.0.0.1; 0 picks a free one
 * @param blockTime      a block every {@code blockTime} (empty blocks too, like Hardhat's interval mining);
 *                       {@link Duration#ZERO} = automine, one block as soon as a transaction arrives
 * @param safeDepth      the {@code safe} tag names the block this far below the head
 * @param finalizedDepth the {@code finalized} tag names the block this far below the head; a real
 *                       L1 finalizes after ~2 epochs, a testnet wants it quick, so the default is 2
 * @param initialBaseFee base fee of the first block after genesis (EIP-1559)
 * @param minBaseFee     the base fee never drops below this; EIP-1559 alone decays an idle chain to
 *                       a few wei, which would make fee spikes meaningless on a testnet. 0 = pure EIP-1559
 * @param blockGasLimit  gas limit of every block (the EIP-1559 target is half of it)
 * @param faultSeed      seed of the random source behind probabilistic RPC failures (deterministic runs)
 * @param clock          block timestamps and RPC outage windows read this clock (time as input)
 */
public record SimL1Config(long chainId, int port, Duration blockTime, int safeDepth, int finalizedDepth,
                          BigInteger initialBaseFee, BigInteger minBaseFee, long blockGasLimit, long faultSeed,
                          Clock clock) {
    public static final BigInteger GWEI = BigInteger.TEN.pow(9);
    public static final long DEFAULT_CHAIN_ID = 31337;

    public SimL1Config {
        if (chainId <= 0) {
            throw new IllegalArgumentException("l1 chain id must be positive, got " + chainId);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (blockTime.isNegative() || (!blockTime.isZero() && blockTime.toMillis() < 1)) {
            throw new IllegalArgumentException("block time must be 0 (automine) or at least 1 ms, got " + blockTime);
        }
        if (safeDepth < 0 || finalizedDepth < safeDepth || finalizedDepth > 10_000) {
            throw new IllegalArgumentException("need 0 <= safeDepth <= finalizedDepth <= 10000, got " + safeDepth
                    + " and " + finalizedDepth);
        }
        if (initialBaseFee.signum() <= 0 || minBaseFee.signum() < 0) {
            throw new IllegalArgumentException("base fees must be positive (min may be 0)");
        }
        // 21000 is the cheapest transaction; a block that cannot hold one is a typo.
        if (blockGasLimit < 21_000 || blockGasLimit > 1_000_000_000L) {
            throw new IllegalArgumentException("block gas limit must be 21000..1e9, got " + blockGasLimit);
        }
        if (clock == null) {
            throw new IllegalArgumentException("clock is required");
        }
    }

    /** Chain 31337, 1 s blocks, safe = head - 1, finalized = head - 2, 1 gwei base fee (also the floor), 30M gas. */
    public static SimL1Config defaults() {
        return new SimL1Config(DEFAULT_CHAIN_ID, 0, Duration.ofSeconds(1), 1, 2, GWEI, GWEI, 30_000_000L, 1L,
                Clock.systemUTC());
    }

    /** Defaults with automine: what tests want (blocks only when a transaction arrives or evm_mine asks). */
    public static SimL1Config automine() {
        return defaults().withBlockTime(Duration.ZERO);
    }

    public SimL1Config withBlockTime(Duration d) {
        return new SimL1Config(chainId, port, d, safeDepth, finalizedDepth, initialBaseFee, minBaseFee,
                blockGasLimit, faultSeed, clock);
    }

    public SimL1Config withPort(int p) {
        return new SimL1Config(chainId, p, blockTime, safeDepth, finalizedDepth, initialBaseFee, minBaseFee,
                blockGasLimit, faultSeed, clock);
    }

    public SimL1Config withChainId(long id) {
        return new SimL1Config(id, port, blockTime, safeDepth, finalizedDepth, initialBaseFee, minBaseFee,
                blockGasLimit, faultSeed, clock);
    }

    public SimL1Config withDepths(int safe, int finalized) {
        return new SimL1Config(chainId, port, blockTime, safe, finalized, initialBaseFee, minBaseFee, blockGasLimit,
                faultSeed, clock);
    }

    public SimL1Config withBaseFees(BigInteger initial, BigInteger min) {
        return new SimL1Config(chainId, port, blockTime, safeDepth, finalizedDepth, initial, min, blockGasLimit,
                faultSeed, clock);
    }

    public SimL1Config withFaultSeed(long seed) {
        return new SimL1Config(chainId, port, blockTime, safeDepth, finalizedDepth, initialBaseFee, minBaseFee,
                blockGasLimit, seed, clock);
    }

    public SimL1Config withClock(Clock c) {
        return new SimL1Config(chainId, port, blockTime, safeDepth, finalizedDepth, initialBaseFee, minBaseFee,
                blockGasLimit, faultSeed, c);
    }
}
