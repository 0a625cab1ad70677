/**
 * The chain's genesis — id, first validator set with addresses and keys, protocol
 * parameters — as a strict JSON file ({@link dev.keel.node.genesis.GenesisFile}), and
 * {@link dev.keel.node.genesis.NodeSetup}, which loads a node's config, the genesis and
 * the node's keys and checks that they agree before anything starts.
 */
package dev.keel.node.genesis;
