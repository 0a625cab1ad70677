/**
 * The blocks above the last commit and the 2-chain commit rule's bookkeeping (BlockTree), plus questions about ancestry.
 */
package dev.keel.consensus.blocktree;
