package dev.keel.storage.lmdb;

import dev.keel.consensus.types.Block;
import dev.keel.storage.Fixtures;
import dev.keel.storage.StorageException;
import dev.keel.storage.bench.SyntheticChain;
import java.nio.file.Path;

/**
 * Run by {@link LmdbDiskFullTest} under a file-size limit: tries to commit a block that
 * cannot fit, then to save a safety record, and reports how each failed. Lines:
 * {@code commit <problem|ok>}, {@code safety <problem|ok>}, {@code read <height>}.
 */
public final class DiskFullChild {
    private DiskFullChild() {
    }

    public static void main(String[] args) {
        SyntheticChain chain = new SyntheticChain(Fixtures.CHAIN, 4, 77);
        LmdbConfig cfg = LmdbConfig.of(Path.of(args[0]), Fixtures.CHAIN.chainId(), Fixtures.KEY);
        try (LmdbStore store = LmdbStore.open(cfg, chain.genesis())) {
            Block head = store.recover().committedHead();
            Block big = chain.child(head, chain.payload(4, 1 << 20));
            System.out.println("commit " + attempt(() -> store.commit(chain.commit(big))));
            System.out.println("safety " + attempt(() -> store.saveSafety(Fixtures.voted(chain, big))));
            System.out.println("read " + store.blockByHeight(head.height()).orElseThrow().height());
        }
    }

    private static String attempt(Runnable write) {
        try {
            write.run();
            return "ok";
        } catch (StorageException e) {
            System.err.println(e.getMessage());
            return e.problem().name();
        }
    }
}
