/**
 * {@code keel bench}: a load generator for a running testnet. It sends transactions over the
 * HTTP API in per-node batches ({@link dev.keel.node.bench.Submitter}), either on a fixed
 * schedule (open loop: latency counts from the scheduled time, so a generator that falls
 * behind cannot hide the wait — no coordinated omission) or from N clients with one
 * transaction each in flight (closed loop); it detects commits from one validator's block
 * stream ({@link dev.keel.node.bench.CommitWatcher}), samples every validator's
 * {@code /status} for CPU and memory ({@link dev.keel.node.bench.NodeSampler}), and reports
 * throughput, submit→commit latency percentiles and counts ({@link dev.keel.node.bench.LoadReport}).
 *
 * <p>Threads: one sender (pacing, batching, time-outs, progress line), the HTTP client's
 * callbacks, one block-stream reader, one status sampler, and the transaction producers
 * ({@link dev.keel.node.bench.TxSupply}). Every loop is bounded by a deadline.
 */
package dev.keel.node.bench;
