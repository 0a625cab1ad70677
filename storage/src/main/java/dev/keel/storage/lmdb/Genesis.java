package dev.keel.storage.lmdb;

import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.storage.codec.StorageCodec;
import org.lmdbjava.Env;
import org.lmdbjava.Txn;

/**
 * The first write to a fresh directory, in one transaction: the tables, the identity, and
 * genesis as committed height 0 with its genesis QC as both highest QC and highest commit
 * QC — the same starting state as {@code new MemoryStore(genesis)}. A crash before it
 * commits leaves an environment with no table, which the next open initializes again.
 */
final class Genesis {
    private Genesis() {
    }

    static Tables initialize(Env<byte[]> env, Txn<byte[]> txn, Identity identity, Block genesis) {
        Tables t = Tables.open(env, txn, true);
        identity.write(t.meta(), txn);
        byte[] id = genesis.id().bytes().toArray();
        t.headers().put(txn, id, StorageCodec.encodeHeader(genesis.header()));
        t.payloads().put(txn, id, StorageCodec.encodePayload(genesis.payload()));
        t.heights().put(txn, Keys.u64(0), id);
        byte[] qc = StorageCodec.encodeQc(genesisQc(genesis));
        t.qcs().put(txn, id, qc);
        t.state().put(txn, Tables.HIGH_QC, qc);
        t.state().put(txn, Tables.COMMIT_QC, qc);
        t.state().put(txn, Tables.OLDEST_BODY, Keys.u64(0));
        return t;
    }

    /** The QC certifying genesis itself (genesis's own header QC certifies the zero hash). */
    static QuorumCert genesisQc(Block genesis) {
        return QuorumCert.genesis(genesis.id(), genesis.qc().signers().size());
    }
}
