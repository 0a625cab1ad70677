package dev.keel.storage.lmdb;

import dev.keel.consensus.core.RecoveredState;
import dev.keel.consensus.types.Block;
import dev.keel.storage.Fixtures;
import dev.keel.storage.bench.SyntheticChain;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The process {@link LmdbCrashTest} kills. It behaves like a replica's persistence path:
 * for every round, store the block, persist the safety record for a vote in that round,
 * and only then "send" the vote by printing it; every third round, commit. Its output is
 * what the rest of the world saw before the SIGKILL.
 *
 * <p>Lines: {@code start <lastVotedRound> <committedHeight>}, {@code vote <round>},
 * {@code commit <height> <blockIdHex>}.
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        SyntheticChain chain = new SyntheticChain(Fixtures.CHAIN, 4, Long.parseLong(args[1]));
        PrintStream out = System.out;
        LmdbConfig cfg = LmdbConfig.of(dir, Fixtures.CHAIN.chainId(), Fixtures.KEY).withInitialMapSize(1 << 20);
        LmdbStore store = LmdbStore.open(cfg, chain.genesis());
        RecoveredState r = store.recover();
        Block head = r.committedHead();
        long round = Math.max(r.safety().lastVotedRound(), head.round());
        out.println("start " + r.safety().lastVotedRound() + " " + head.height());
        out.flush();
        for (int i = 1; ; i++) {
            round++;
            Block b = chain.child(head, round, chain.payload(1 + i % 3, 100));
            store.saveBlock(b);
            store.saveSafety(Fixtures.voted(chain, b));
            out.println("vote " + round);
            out.flush();
            if (i % 3 == 0) {
                store.commit(chain.commit(b));
                head = b;
                out.println("commit " + b.height() + " " + b.id().toHex());
                out.flush();
            }
        }
    }
}
