package dev.keel.checkpoint.sim;

import dev.keel.checkpoint.EthAddress;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The simulated L1: blocks with the state after each, the mempool, mining, reorgs and snapshots.
 * Every public method takes the one lock, so a block is built, a reorg applied or a call answered
 * atomically; callers (HTTP threads, the block timer, tests) need no locking of their own.
 */
final class SimChain {
    /** A transaction and where it was mined. */
    record Located(SimBlock block, int index) {
        SimTx tx() {
            return block.txs().get(index);
        }

        SimReceipt receipt() {
            return block.receipts().get(index);
        }
    }

    private record Snapshot(long number, Hash hash, SimMempool pool) {
    }

    static final int MAX_SNAPSHOTS = 1024;

    private final SimL1Config config;
    private final TxExecutor executor;
    private final List<SimBlock> blocks = new ArrayList<>();
    private final Map<Hash, Long> blockNumbers = new HashMap<>();
    private final Map<Hash, Long> txBlocks = new HashMap<>();
    private final TreeMap<Long, Snapshot> snapshots = new TreeMap<>();
    private SimMempool mempool = new SimMempool();
    private long nextSnapshot = 1;
    private long reorgs;
    private long spikeMultiplier = 1;
    private int spikeBlocksLeft;

    SimChain(SimL1Config config, ContractCode code) {
        this.config = config;
        this.executor = new TxExecutor(code);
        long now = config.clock().millis() / 1000;
        append(SimBlock.seal(0, Hash.ZERO, now, config.initialBaseFee(), config.initialBaseFee(),
                config.blockGasLimit(), Bytes.EMPTY, List.of(), List.of(), WorldState.GENESIS));
    }

    /** Decodes, checks and pools a raw transaction, mining a block right away under automine; returns its hash. */
    synchronized Hash submit(String rawHex, boolean automine) {
        SimTx tx = RawTxDecoder.decode(rawHex, config.chainId());
        if (tx.gasLimit() > config.blockGasLimit()) {
            throw RpcError.rejected("exceeds block gas limit");
        }
        if (tx.gasLimit() < GasSchedule.intrinsic(tx.data(), tx.isCreate())) {
            throw RpcError.rejected("intrinsic gas too low: have " + tx.gasLimit() + ", want "
                    + GasSchedule.intrinsic(tx.data(), tx.isCreate()));
        }
        mempool.add(tx, head().state().nonce(tx.from()));
        if (automine) {
            mineBlock(Bytes.EMPTY);
        }
        return tx.hash();
    }

    /** Mines one block from the mempool. */
    synchronized SimBlock mine() {
        return mineBlock(Bytes.EMPTY);
    }

    /**
     * Replaces the newest {@code depth} blocks with as many new ones (different hashes). With
     * {@code dropTxs} their transactions vanish, as after Hardhat's evm_revert; without, they go
     * back to the mempool and are mined again in the new blocks. Depth may exceed the finality
     * depth: breaking that promise on purpose is the point of the fault.
     */
    synchronized void reorg(int depth, boolean dropTxs) {
        if (depth < 1 || depth > head().number()) {
            throw RpcError.invalidParams("reorg depth must be 1.." + head().number() + ", got " + depth);
        }
        List<SimBlock> removed = truncate(head().number() - depth);
        if (!dropTxs) {
            removed.forEach(b -> b.txs().forEach(mempool::restore));
        }
        reorgs++;
        Bytes salt = Bytes.wrap(("keel-sim reorg " + reorgs).getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < depth; i++) {
            mineBlock(salt);
        }
    }

    /** Base fee x {@code multiplier} for the next {@code blocks} blocks; the EIP-1559 trend underneath continues. */
    synchronized void feeSpike(long multiplier, int blocks) {
        if (multiplier < 1 || blocks < 0) {
            throw RpcError.invalidParams("fee spike needs multiplier >= 1 and blocks >= 0");
        }
        spikeMultiplier = multiplier;
        spikeBlocksLeft = blocks;
    }

    synchronized long snapshot() {
        if (snapshots.size() >= MAX_SNAPSHOTS) {
            snapshots.pollFirstEntry(); // each holds a pool copy: a client that never reverts must not grow us forever
        }
        long id = nextSnapshot++;
        snapshots.put(id, new Snapshot(head().number(), head().hash(), mempool.copy()));
        return id;
    }

    /** Hardhat's evm_revert: back to the snapshot's head and pool; it and later snapshots are used up. */
    synchronized boolean revert(long id) {
        Snapshot s = snapshots.get(id);
        snapshots.tailMap(id, true).clear();
        if (s == null || block(s.number()).filter(b -> b.hash().equals(s.hash())).isEmpty()) {
            return false;
        }
        truncate(s.number());
        mempool = s.pool();
        return true;
    }

    synchronized SimBlock head() {
        return blocks.get(blocks.size() - 1);
    }

    synchronized Optional<SimBlock> block(long number) {
        return number >= 0 && number < blocks.size() ? Optional.of(blocks.get((int) number)) : Optional.empty();
    }

    synchronized Optional<SimBlock> block(Hash hash) {
        return Optional.ofNullable(blockNumbers.get(hash)).map(n -> blocks.get(n.intValue()));
    }

    /** Blocks from..to inclusive, clamped to the chain; the caller bounds the range. */
    synchronized List<SimBlock> range(long from, long to) {
        long hi = Math.min(to, head().number());
        List<SimBlock> out = new ArrayList<>();
        for (long n = Math.max(0, from); n <= hi; n++) {
            out.add(blocks.get((int) n));
        }
        return out;
    }

    synchronized Optional<Located> mined(Hash txHash) {
        Long n = txBlocks.get(txHash);
        if (n == null) {
            return Optional.empty();
        }
        SimBlock b = blocks.get(n.intValue());
        for (int i = 0; i < b.txs().size(); i++) {
            if (b.txs().get(i).hash().equals(txHash)) {
                return Optional.of(new Located(b, i));
            }
        }
        throw new AssertionError("tx index points at block " + n + " which lacks " + txHash);
    }

    synchronized Optional<SimTx> pending(Hash txHash) {
        return mempool.get(txHash);
    }

    synchronized int pendingCount() {
        return mempool.size();
    }

    synchronized long pendingNonce(EthAddress a) {
        return mempool.pendingNonce(a, head().state().nonce(a));
    }

    /** The base fee the next block will have (spike included). */
    synchronized BigInteger nextBaseFee() {
        return spiked(BaseFeeRule.next(head(), config));
    }

    synchronized SimulatedContract.Outcome call(TxExecutor.CallRequest request, SimBlock at) {
        return executor.simulate(at.state(), request, new TxExecutor.BlockEnv(at.number(), at.baseFee()));
    }

    synchronized Bytes code(EthAddress a, SimBlock at) {
        return executor.codeAt(at.state(), a);
    }

    private SimBlock mineBlock(Bytes extraData) {
        SimBlock parent = head();
        BigInteger trend = BaseFeeRule.next(parent, config);
        BigInteger baseFee = spiked(trend);
        if (spikeBlocksLeft > 0) {
            spikeBlocksLeft--;
        }
        WorldState state = parent.state();
        mempool.prune(state::nonce);
        long number = parent.number() + 1;
        TxExecutor.BlockEnv env = new TxExecutor.BlockEnv(number, baseFee);
        List<SimTx> txs = mempool.select(state::nonce, baseFee, config.blockGasLimit());
        List<SimReceipt> receipts = new ArrayList<>(txs.size());
        long cumulative = 0;
        for (SimTx tx : txs) {
            TxExecutor.Applied applied = executor.apply(state, tx, env, cumulative);
            state = applied.state();
            receipts.add(applied.receipt());
            cumulative = applied.receipt().cumulativeGasUsed();
        }
        mempool.prune(state::nonce);
        // strictly increasing timestamps, as Hardhat keeps them when blocks come faster than seconds
        long timestamp = Math.max(config.clock().millis() / 1000, parent.timestamp() + 1);
        SimBlock block = SimBlock.seal(number, parent.hash(), timestamp, baseFee, trend, config.blockGasLimit(),
                extraData, txs, receipts, state);
        append(block);
        return block;
    }

    private BigInteger spiked(BigInteger trend) {
        return spikeBlocksLeft > 0 ? trend.multiply(BigInteger.valueOf(spikeMultiplier)) : trend;
    }

    private void append(SimBlock b) {
        blocks.add(b);
        blockNumbers.put(b.hash(), b.number());
        b.txs().forEach(t -> txBlocks.put(t.hash(), b.number()));
    }

    /** Drops every block above {@code number}; returns them oldest first. */
    private List<SimBlock> truncate(long number) {
        List<SimBlock> removed = new ArrayList<>(blocks.subList((int) number + 1, blocks.size()));
        blocks.subList((int) number + 1, blocks.size()).clear();
        for (SimBlock b : removed) {
            blockNumbers.remove(b.hash());
            b.txs().forEach(t -> txBlocks.remove(t.hash()));
        }
        return removed;
    }
}
