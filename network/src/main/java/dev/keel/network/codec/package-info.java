/**
 * The wire codec: Kryo with registration required, explicit ids and one hand-written serializer
 * per message and value type. Every length and count a peer sends is checked against protocol
 * maxima and the bytes remaining before anything is allocated; values are rebuilt through the
 * records' constructors so their invariants hold; any failure is a typed {@link
 * dev.keel.network.codec.DecodeException}. Signatures are not checked here (consensus's
 * {@code MessageGate} does that), only structure.
 */
package dev.keel.network.codec;
