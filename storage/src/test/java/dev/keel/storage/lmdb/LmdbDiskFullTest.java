package dev.keel.storage.lmdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keel.consensus.core.RecoveredState;
import dev.keel.consensus.types.Block;
import dev.keel.storage.Fixtures;
import dev.keel.storage.bench.SyntheticChain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running out of space: a child JVM whose file-size limit ({@code ulimit -f}) stops
 * data.mdb from growing sees DISK_FULL for the write that does not fit, then DISK_FULL
 * for every later write (a node that cannot persist its safety record must not vote), and
 * after a restart with room again the directory holds exactly what it held before —
 * nothing partial — and accepts writes.
 */
class LmdbDiskFullTest {
    @TempDir
    Path tmp;

    @Test
    void aFullDiskStopsWritesAndLeavesNothingPartial() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")) && Files.isReadable(Path.of("/proc/self/limits")),
                "needs a POSIX shell and Linux /proc to set and read a file-size limit");
        SyntheticChain chain = new SyntheticChain(Fixtures.CHAIN, 4, 77);
        Path dir = tmp.resolve("data");
        LmdbConfig cfg = LmdbConfig.of(dir, Fixtures.CHAIN.chainId(), Fixtures.KEY);
        RecoveredState before;
        try (LmdbStore s = LmdbStore.open(cfg, chain.genesis())) {
            Block tip = chain.genesis();
            for (int i = 0; i < 40; i++) {
                tip = chain.child(tip, chain.payload(2, 8000)); // data.mdb must outgrow the natives lmdbjava extracts at start
                s.commit(chain.commit(tip));
            }
            s.saveSafety(Fixtures.voted(chain, tip));
            before = s.recover();
        }
        // POSIX sh counts ulimit -f in 512-byte blocks (bash in 1 KiB ones: then the limit is
        // twice as high, still far below the 4 MiB block the child tries to commit).
        long blocks = Files.size(dir.resolve("data.mdb")) / 512 + 16;
        ChildJvm child = ChildJvm.start(tmp.resolve("natives"), "ulimit -f " + blocks + " &&", DiskFullChild.class, dir.toString());
        assertEquals(0, child.finish(), "child exits normally: " + child.err);
        assertEquals("commit DISK_FULL", child.awaitLine("commit", Duration.ofSeconds(1)), String.join("\n", child.err));
        assertEquals("safety DISK_FULL", child.awaitLine("safety", Duration.ofSeconds(1)), "later writes are refused too");
        assertEquals("read 40", child.awaitLine("read", Duration.ofSeconds(1)), "reads still work");
        try (LmdbStore s = LmdbStore.open(cfg, chain.genesis())) {
            assertEquals(before, s.recover(), "nothing of the failed writes is visible");
            Block next = chain.child(before.committedHead(), chain.payload(1, 1 << 20));
            s.commit(chain.commit(next));
            assertEquals(41, s.committedHeight());
        }
    }
}
