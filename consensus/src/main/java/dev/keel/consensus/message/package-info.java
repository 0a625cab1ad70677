/**
 * Everything validators send each other: proposals, votes, timeouts, block requests and responses. Sealed; each carries sync info where it applies.
 */
package dev.keel.consensus.message;
