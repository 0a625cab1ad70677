package dev.keel.storage.lmdb;

import java.util.ArrayList;
import java.util.List;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.Txn;

/** The named databases of a data directory (see the package doc for what each holds). */
record Tables(Dbi<byte[]> meta, Dbi<byte[]> headers, Dbi<byte[]> payloads, Dbi<byte[]> heights, Dbi<byte[]> qcs,
              Dbi<byte[]> txs, Dbi<byte[]> safety, Dbi<byte[]> state, Dbi<byte[]> pending, Dbi<byte[]> checkpoints) {
    static final List<String> NAMES = List.of("meta", "headers", "payloads", "heights", "qcs", "txs", "safety",
            "state", "pending", "checkpoints");

    // Single-record keys.
    static final byte[] SAFETY_RECORD = Keys.name("record");
    static final byte[] HIGH_QC = Keys.name("highQc");
    static final byte[] COMMIT_QC = Keys.name("commitQc");
    static final byte[] HIGH_TC = Keys.name("highTc");
    static final byte[] OLDEST_BODY = Keys.name("oldestBody");

    List<Dbi<byte[]>> all() {
        return List.of(meta, headers, payloads, heights, qcs, txs, safety, state, pending, checkpoints);
    }

    /** Opens every table inside {@code txn}, creating them when {@code create} (a fresh directory). */
    static Tables open(Env<byte[]> env, Txn<byte[]> txn, boolean create) {
        DbiFlags[] flags = create ? new DbiFlags[] {DbiFlags.MDB_CREATE} : new DbiFlags[0];
        List<Dbi<byte[]>> d = new ArrayList<>();
        for (String name : NAMES) {
            d.add(env.openDbi(txn, Keys.name(name), null, false, flags));
        }
        return new Tables(d.get(0), d.get(1), d.get(2), d.get(3), d.get(4), d.get(5), d.get(6), d.get(7), d.get(8),
                d.get(9));
    }
}
