/**
 * The production {@link dev.keel.storage.ChainStore}: {@link dev.keel.storage.lmdb.LmdbStore}
 * on LMDB (lmdbjava, byte[] buffers, so no JVM {@code --add-opens} flags are needed).
 *
 * <p>Layout of a data directory: {@code data.mdb} and {@code lock.mdb} (LMDB's), plus
 * {@code LOCK}, our exclusive process lock. Named databases inside {@code data.mdb}:
 * <ul>
 * <li>{@code meta}: format version, chain id, validator key, genesis id — checked on open;</li>
 * <li>{@code headers}: block id → header, for every stored block (never pruned);</li>
 * <li>{@code payloads}: block id → payload (the body; the only thing pruning drops);</li>
 * <li>{@code heights}: u64 height → block id, the committed chain;</li>
 * <li>{@code qcs}: certified block id → QC, for saved QCs and commit proofs;</li>
 * <li>{@code txs}: transaction hash → (height, index, block id);</li>
 * <li>{@code safety}: the safety record;</li>
 * <li>{@code state}: highest QC, highest commit QC, highest TC, oldest stored body height;</li>
 * <li>{@code pending}: u64 sequence → (height, id) of stored, not yet committed blocks;</li>
 * <li>{@code checkpoints}: u64 number → opaque checkpoint record.</li>
 * </ul>
 * Every {@code ChainStore} write is one LMDB write transaction, synced on commit: the
 * environment is never opened with {@code MDB_NOSYNC}, {@code MDB_NOMETASYNC} or
 * {@code MDB_MAPASYNC}, because the safety record must be on disk before a vote leaves.
 */
package dev.keel.storage.lmdb;
