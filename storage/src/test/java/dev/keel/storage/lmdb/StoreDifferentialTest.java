package dev.keel.storage.lmdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import dev.keel.storage.ChainStore;
import dev.keel.storage.Fixtures;
import dev.keel.storage.MemoryStore;
import dev.keel.storage.bench.SyntheticChain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same random operations on {@link MemoryStore} and {@link LmdbStore}, including
 * refused commits and LMDB restarts, must leave both answering identically: the simulator
 * tests the protocol against exactly the storage behaviour production has.
 */
class StoreDifferentialTest {
    @TempDir
    Path dir;

    @Test
    void memoryAndLmdbAgreeOnRandomHistories() {
        for (long seed = 1; seed <= 3; seed++) {
            run(seed, dir.resolve("s" + seed));
        }
    }

    private void run(long seed, Path path) {
        Random rnd = new Random(seed);
        SyntheticChain chain = new SyntheticChain(Fixtures.CHAIN, 4, seed);
        LmdbConfig cfg = LmdbConfig.of(path, Fixtures.CHAIN.chainId(), Fixtures.KEY).withInitialMapSize(256 << 10);
        MemoryStore mem = new MemoryStore(chain.genesis());
        LmdbStore lmdb = LmdbStore.open(cfg, chain.genesis());
        List<Block> known = new ArrayList<>(List.of(chain.genesis()));
        long round = 0;
        try {
            for (int op = 0; op < 150; op++) {
                Block head = mem.recover().committedHead();
                round += 1 + rnd.nextInt(2);
                switch (rnd.nextInt(8)) {
                    case 0, 1 -> {
                        Block parent = known.get(rnd.nextInt(known.size()));
                        Block b = chain.child(parent, Math.max(round, parent.round() + 1), chain.payload(rnd.nextInt(3), 16));
                        known.add(b);
                        both(mem, lmdb, s -> s.saveBlock(b));
                    }
                    case 2 -> {
                        var qc = chain.certify(known.get(rnd.nextInt(known.size())));
                        both(mem, lmdb, s -> s.saveQc(qc));
                    }
                    case 3 -> {
                        var record = Fixtures.voted(chain, known.get(rnd.nextInt(known.size())));
                        both(mem, lmdb, s -> s.saveSafety(record));
                    }
                    case 4 -> {
                        var tc = chain.timeoutCert(rnd.nextInt(50) + 1, chain.certify(chain.genesis()));
                        both(mem, lmdb, s -> s.saveTc(tc));
                    }
                    case 5 -> {
                        Block b1 = chain.child(head, Math.max(round, head.round() + 1), chain.payload(rnd.nextInt(3), 16));
                        Block b2 = chain.child(b1, chain.payload(1, 16));
                        known.add(b1);
                        known.add(b2);
                        var c = rnd.nextBoolean() ? chain.commit(b1) : chain.commit(List.of(b1, b2));
                        both(mem, lmdb, s -> s.commit(c));
                    }
                    case 6 -> {
                        var stale = chain.commit(known.get(rnd.nextInt(known.size())));
                        both(mem, lmdb, s -> s.commit(stale));
                    }
                    default -> {
                        long n = rnd.nextInt(4);
                        Bytes rec = Bytes.wrap(new byte[] {(byte) op});
                        both(mem, lmdb, s -> s.saveCheckpoint(n, rec));
                    }
                }
                if (rnd.nextInt(20) == 0) {
                    lmdb.close();
                    lmdb = LmdbStore.open(cfg, chain.genesis());
                }
                assertSame(mem, lmdb, known, chain);
            }
        } finally {
            lmdb.close();
        }
    }

    /** Applies a write to both stores; both must succeed or both refuse with the same type. */
    private static void both(ChainStore a, ChainStore b, java.util.function.Consumer<ChainStore> write) {
        String ra = outcome(a, write);
        String rb = outcome(b, write);
        assertEquals(ra, rb, "both stores accept or refuse the same write");
    }

    private static String outcome(ChainStore s, java.util.function.Consumer<ChainStore> write) {
        try {
            write.accept(s);
            return "ok";
        } catch (IllegalStateException e) {
            return "refused";
        }
    }

    private static void assertSame(ChainStore mem, ChainStore lmdb, List<Block> known, SyntheticChain chain) {
        assertEquals(mem.recover(), lmdb.recover());
        assertEquals(mem.committedHeight(), lmdb.committedHeight());
        for (long h = 0; h <= mem.committedHeight() + 1; h++) {
            assertEquals(mem.blockByHeight(h), lmdb.blockByHeight(h));
        }
        for (Block b : known) {
            assertEquals(mem.blockByHash(b.id()), lmdb.blockByHash(b.id()));
            assertEquals(mem.qcFor(b.id()), lmdb.qcFor(b.id()));
            for (Bytes tx : b.payload().txs()) {
                Hash h = Hash.of(tx.unsafeArray());
                assertEquals(mem.findTx(h), lmdb.findTx(h));
            }
        }
        for (long n = 0; n < 4; n++) {
            assertEquals(mem.loadCheckpoint(n), lmdb.loadCheckpoint(n));
        }
    }
}
