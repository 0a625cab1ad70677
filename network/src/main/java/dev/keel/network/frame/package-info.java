/**
 * Framing of the TCP byte stream: a 4-byte big-endian length prefix and a hard cap checked on
 * the prefix, before anything is allocated for the body.
 */
package dev.keel.network.frame;
