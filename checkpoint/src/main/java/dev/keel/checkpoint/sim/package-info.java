/**
 * The embedded L1 simulator: an Ethereum JSON-RPC node in this process that runs only Keel's
 * KeelCheckpoints contract, re-implemented in Java with the same rules, errors and events
 * ({@link dev.keel.checkpoint.sim.SimulatedContract}). {@code keel testnet} starts one as the
 * default L1; validators reach it over HTTP with plain web3j, exactly as they reach a real node,
 * and the contract conformance suite runs one case table against it and the real contract.
 *
 * <p>{@link dev.keel.checkpoint.sim.L1Simulator} serves HTTP; {@link dev.keel.checkpoint.sim.SimChain}
 * holds blocks (each with its post-state, so reorgs and snapshots just go back),
 * {@link dev.keel.checkpoint.sim.SimMempool} the pending transactions,
 * {@link dev.keel.checkpoint.sim.SimFault} the injectable faults.
 *
 * <p>Known differences from a real node, all deliberate:
 * <ul>
 *   <li>Only KeelCheckpoints runs: a deployment whose data is not the checked-in creation bytecode
 *       (plus constructor arguments) reverts with Error(string); calls to other addresses are
 *       plain transfers; there is no EVM, so no other contract, no CREATE2, no delegate calls.</li>
 *   <li>Gas is a deterministic estimate ({@link dev.keel.checkpoint.sim.GasSchedule}), not an EVM
 *       count; eth_estimateGas returns exactly what execution will charge. Real figures come from Hardhat.</li>
 *   <li>Balances are bookkeeping only: every account starts with 10 000 ether and may overspend.</li>
 *   <li>Block hashes are keccak over an RLP of the fields the simulator has, not Ethereum's header
 *       encoding; stateRoot and receiptsRoot are zero, transactionsRoot is a hash of the tx hashes.</li>
 *   <li>"pending" reads the latest block; eth_getTransactionCount(pending) does count the pool.</li>
 *   <li>eth_getCode returns the runtime part of the creation code with immutables unpatched.</li>
 *   <li>The base fee has a floor (default 1 gwei) so fee spikes stay meaningful on an idle chain.</li>
 *   <li>Failed receipts carry Besu's non-standard {@code revertReason} (the revert data, hex).</li>
 *   <li>No eth_sendTransaction (no unlocked accounts), subscriptions, filters or blob transactions;
 *       pre-EIP-155 legacy transactions are refused, as geth refuses them over RPC.</li>
 *   <li>The whole history is kept in memory (blocks are small and states share structure).</li>
 * </ul>
 */
package dev.keel.checkpoint.sim;
