/**
 * The canonical byte encoding of everything hashed or signed, in one place; pinned by test vectors (a change is a hard fork). Kryo is for wire and storage framing, never for hashes.
 */
package dev.keel.consensus.codec;
