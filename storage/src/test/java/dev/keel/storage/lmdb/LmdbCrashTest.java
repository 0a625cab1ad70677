package dev.keel.storage.lmdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.core.RecoveredState;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import dev.keel.storage.Fixtures;
import dev.keel.storage.StorageException;
import dev.keel.storage.StorageException.Problem;
import dev.keel.storage.TxLocation;
import dev.keel.storage.bench.SyntheticChain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real process killed with SIGKILL at random moments and restarted on the same directory:
 * every vote it "sent" is covered by the recovered safety record (so a restarted validator
 * can never sign a different vote in that round), the committed height never goes down,
 * and every committed block and transaction stays readable.
 */
class LmdbCrashTest {
    private static final int CYCLES = 5;

    @TempDir
    Path tmp;

    @Test
    void sigkillAtRandomMomentsLosesNothingThatWasSent() throws Exception {
        Random rnd = new Random(2024);
        Path dir = tmp.resolve("data");
        Block genesis = new SyntheticChain(Fixtures.CHAIN, 4, 0).genesis();
        LmdbConfig cfg = LmdbConfig.of(dir, Fixtures.CHAIN.chainId(), Fixtures.KEY).withInitialMapSize(1 << 20);
        long maxVoteSent = 0;
        long lastHeight = 0;
        long lastRecoveredVote = 0;
        int totalVotes = 0;
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            ChildJvm child = ChildJvm.start(tmp.resolve("natives"), null, CrashChild.class, dir.toString(),
                    Long.toString(rnd.nextLong()));
            String start = child.awaitLine("start ", Duration.ofSeconds(30));
            String[] f = start.split(" ");
            assertEquals(lastRecoveredVote, Long.parseLong(f[1]), "the child recovered what we recovered");
            if (cycle == 0) {
                StorageException e = assertThrows(StorageException.class, () -> LmdbStore.open(cfg, genesis));
                assertEquals(Problem.LOCKED, e.problem(), "a second process cannot open a locked directory");
                assertTrue(e.getMessage().contains("pid " + child.process.pid()), e.getMessage());
            }
            Thread.sleep(150 + rnd.nextInt(450));
            child.kill();
            List<String> lines = List.copyOf(child.out);
            long firstVote = -1;
            for (String line : lines) {
                if (line.startsWith("vote ")) {
                    long round = Long.parseLong(line.substring(5));
                    assertTrue(round > maxVoteSent, "round " + round + " was never signed before (no second vote)");
                    firstVote = firstVote < 0 ? round : firstVote;
                    maxVoteSent = round;
                    totalVotes++;
                }
            }
            assertTrue(firstVote < 0 || firstVote > lastRecoveredVote, "first vote after restart is above the record");
            try (LmdbStore s = LmdbStore.open(cfg, genesis)) {
                RecoveredState r = s.recover();
                assertTrue(r.safety().lastVotedRound() >= maxVoteSent,
                        "recovered last voted round " + r.safety().lastVotedRound() + " covers sent vote " + maxVoteSent);
                lastRecoveredVote = r.safety().lastVotedRound();
                long height = s.committedHeight();
                assertTrue(height >= lastHeight, "committed height never decreases");
                lastHeight = height;
                checkPrintedCommits(s, lines);
                checkCommittedChain(s, height);
            }
        }
        assertTrue(totalVotes > CYCLES, "the children got to vote: " + totalVotes);
        assertTrue(lastHeight > 0, "the children got to commit");
    }

    private static void checkPrintedCommits(LmdbStore s, List<String> lines) {
        for (String line : lines) {
            if (line.startsWith("commit ")) {
                String[] f = line.split(" ");
                Block b = s.blockByHeight(Long.parseLong(f[1])).orElseThrow();
                assertEquals(f[2], b.id().toHex(), "a commit reported before the kill is durable");
            }
        }
    }

    private static void checkCommittedChain(LmdbStore s, long height) {
        Hash parent = Hash.ZERO;
        for (long h = 0; h <= height; h++) {
            Block b = s.blockByHeight(h).orElseThrow(() -> new AssertionError("height missing"));
            assertEquals(parent, b.parentId());
            assertEquals(Optional.of(b), s.blockByHash(b.id()));
            List<Bytes> txs = b.payload().txs();
            for (int i = 0; i < txs.size(); i++) {
                assertEquals(Optional.of(new TxLocation(h, i, b.id())), s.findTx(Hash.of(txs.get(i).unsafeArray())));
            }
            parent = b.id();
        }
    }
}
