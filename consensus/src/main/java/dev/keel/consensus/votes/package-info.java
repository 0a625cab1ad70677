/**
 * Vote and timeout collectors: dedup by author, quorum certificates and timeout certificates, f+1 timeout amplification.
 */
package dev.keel.consensus.votes;
