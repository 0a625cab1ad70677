/**
 * The node's Prometheus metrics ({@link dev.keel.node.metrics.NodeMetrics}): consensus
 * progress, votes and rejections, peer traffic, storage latency, and the JVM's own.
 */
package dev.keel.node.metrics;
