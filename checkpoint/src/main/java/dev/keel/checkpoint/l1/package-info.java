/**
 * Keel's side of the L1 contract {@code KeelCheckpoints} (checkpoint/l1/contracts): the
 * compiled bytecode and ABI as resources (rebuilt and checked by checkpoint/l1/build-contract.js),
 * a hand-written web3j binding ({@link dev.keel.checkpoint.l1.CheckpointContract}), decoding of
 * the contract's custom errors ({@link dev.keel.checkpoint.l1.ContractError}) and a small signed
 * transaction sender ({@link dev.keel.checkpoint.l1.TransactionSender}).
 *
 * <p>The binding checks only what the ABI cannot represent (negative integers); whether a
 * validator set or a checkpoint is acceptable is the contract's decision, so negative tests can
 * send anything and observe the contract's typed rejection.
 */
package dev.keel.checkpoint.l1;
