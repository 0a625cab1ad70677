/**
 * The keel command line (picocli): simulate, bench, and the testnet placeholder; more subcommands arrive with the node.
 */
package dev.keel.node.cli;
