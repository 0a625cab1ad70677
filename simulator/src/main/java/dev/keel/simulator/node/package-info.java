/**
 * A simulated node: the shell around one replica (the twin of the production actor), its in-memory store, mempool, crash points and behavior.
 */
package dev.keel.simulator.node;
