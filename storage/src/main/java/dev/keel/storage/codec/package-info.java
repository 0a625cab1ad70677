/**
 * The storage codec: how stored values are laid out as bytes on disk (format version
 * {@link dev.keel.storage.codec.StorageCodec#FORMAT_VERSION}).
 *
 * <p>Not the canonical encoding used for hashes and signatures (that lives in
 * {@code dev.keel.consensus.codec} and is a protocol constant); this one may evolve with
 * the data directory's format version. Every value carries a kind tag and a CRC32C, and
 * decoding never trusts a length it has not checked against the bytes that remain, so a
 * truncated or corrupted value is a {@link dev.keel.storage.codec.CorruptDataException},
 * never an unchecked crash or a huge allocation.
 */
package dev.keel.storage.codec;
