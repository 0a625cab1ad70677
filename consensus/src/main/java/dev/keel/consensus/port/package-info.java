/**
 * Interfaces the core needs from the outside (storage, network, mempool, timers), declared here by the consumer and implemented in storage/, simulator/ and node/.
 */
package dev.keel.consensus.port;
