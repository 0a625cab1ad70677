package dev.keel.app;

import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.util.List;
import java.util.Map;

/**
 * The state machine an L2 plugs into Keel, in the spirit of ABCI. Keel orders opaque
 * transactions; the application gives them meaning.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #check} is the mempool's admission test. It may be called from many threads at
 *       once, concurrently with {@link #execute}; it reads the last executed state and must not
 *       change it. Passing it is a hint, not a promise: a transaction that passed may still be
 *       rejected by {@link #execute} (the state moved on), and the mempool re-checks what it holds
 *       after each commit.</li>
 *   <li>{@link #execute} applies a committed block's transactions in order. It is called from one
 *       thread, once per block, heights consecutive from 1, and must be deterministic: the same
 *       blocks from the same genesis give the same results and state root on every validator
 *       (no clocks, no randomness, no iteration over unordered collections into the root). A
 *       rejected transaction changes nothing. Keel has already removed transactions committed
 *       before (exactly-once is the engine's job), so the application sees each at most once.</li>
 *   <li>{@link #query} reads the last executed state; thread-safe like {@link #check}.</li>
 * </ul>
 * State lives in memory; on restart Keel re-executes the committed chain from height 1.
 */
public interface Application {
    /** Short name, as chosen in the genesis ({@code kv}, {@code bank}). */
    String name();

    /** Admission test for the mempool. Never throws for bad input: returns a rejection. */
    CheckResult check(Bytes tx);

    /**
     * Whether {@link #check}'s verdict can change as blocks execute (a balance, a nonce). When it
     * cannot (a pure format check), the mempool skips re-checking what it holds after commits.
     */
    default boolean checkReadsState() {
        return true;
    }

    /**
     * Executes one committed block. Returns one {@link TxResult} per transaction, in order, and
     * the state root after the block. Never throws for bad transactions.
     */
    BlockResult execute(BlockInfo block, List<Bytes> txs);

    /** The state root after the last executed block ({@link Hash#ZERO} before any). */
    Hash stateRoot();

    /**
     * Reads state. {@code path} is what follows {@code /v1/query/} in the API (e.g. {@code kv/alice},
     * {@code bank/balance/<hex key>}); {@code params} are the URL query parameters.
     */
    QueryResult query(String path, Map<String, String> params);
}
