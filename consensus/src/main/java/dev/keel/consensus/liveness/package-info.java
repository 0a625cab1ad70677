/**
 * Round progression: the Pacemaker (capped exponential backoff since the last commit) and leader election (round-robin by default, behind an interface).
 */
package dev.keel.consensus.liveness;
