package dev.keel.storage.bench;

import dev.keel.consensus.core.Commit;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.ChainContext;
import dev.keel.consensus.types.PublicKey;
import dev.keel.storage.lmdb.LmdbConfig;
import dev.keel.storage.lmdb.LmdbStats;
import dev.keel.storage.lmdb.LmdbStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The storage benchmark: committed-block append rate for 1 KiB and 1 MiB blocks, restart
 * time (open + recover) with 100k committed blocks, and bytes on disk per block, on LMDB
 * with its production durability (every commit synced). A plain main rather than JMH: the
 * quantities are I/O-bound and measured per whole run; each figure is the median of
 * several runs after a warm-up run, in a fresh temporary directory. Progress goes to
 * stderr, the results table to stdout. Restart is timed in the same JVM with a warm page
 * cache (the figure a restarted node sees after LMDB's native library has loaded; that
 * one-time load is reported separately).
 *
 * <p>Options: {@code --runs N} (5), {@code --small-blocks N} (1000), {@code --large-blocks N}
 * (60), {@code --restart-blocks N} (100000), {@code --dir PATH} (a new temp directory).
 */
public final class StorageBench {
    private static final ChainContext CHAIN = new ChainContext("keel-bench", 0);
    private static final PublicKey KEY = new PublicKey(dev.keel.consensus.types.Bytes.wrap(new byte[PublicKey.LENGTH]));
    private static final int TX_BYTES = 512;
    private static final int BUILD_BATCH = 1000;

    private final PrintStream progress = System.err;
    private final Path root;
    private int dirs;
    private double firstOpenMillis = -1;

    private StorageBench(Path root) {
        this.root = root;
    }

    /** One measured append run. */
    record AppendRun(double blocksPerSec, double mibPerSec, double fileBytesPerBlock, double liveBytesPerBlock) {
    }

    public static void main(String[] args) throws IOException {
        int runs = intOption(args, "--runs", 5);
        int small = intOption(args, "--small-blocks", 1000);
        int large = intOption(args, "--large-blocks", 60);
        int restartBlocks = intOption(args, "--restart-blocks", 100_000);
        String dirOpt = option(args, "--dir");
        Path root = dirOpt != null ? Files.createDirectories(Path.of(dirOpt)) : Files.createTempDirectory("keel-storage-bench");
        StorageBench bench = new StorageBench(root);
        try {
            List<String> table = new ArrayList<>();
            table.add("Keel storage benchmark: LMDB, every commit synced; medians of " + runs + " runs after 1 warm-up");
            table.add(bench.append("1 KiB", 2, small, runs));
            table.add(bench.append("1 MiB", 2048, large, runs));
            table.add(bench.restart(restartBlocks, runs));
            table.add(String.format("first open in a fresh JVM (loads LMDB's native library once, independent of data):"
                    + " %.0f ms", bench.firstOpenMillis));
            table.forEach(System.out::println);
        } finally {
            if (dirOpt == null) {
                deleteTree(root);
            }
        }
    }

    /** Appends {@code blocks} single-block commits per run (one synced write transaction each). */
    private String append(String label, int txs, int blocks, int runs) throws IOException {
        List<AppendRun> results = new ArrayList<>();
        for (int run = 0; run <= runs; run++) {
            progress.printf("append %s: run %d/%d (%s)...%n", label, run, runs, run == 0 ? "warm-up" : "measured");
            AppendRun r = appendOnce(txs, blocks, run);
            if (run > 0) {
                results.add(r);
            }
        }
        double rate = median(results.stream().mapToDouble(AppendRun::blocksPerSec).toArray());
        double mib = median(results.stream().mapToDouble(AppendRun::mibPerSec).toArray());
        double file = median(results.stream().mapToDouble(AppendRun::fileBytesPerBlock).toArray());
        double live = median(results.stream().mapToDouble(AppendRun::liveBytesPerBlock).toArray());
        return String.format("append %s blocks (%d tx x %d B, one synced commit each, %d blocks/run): %.0f blocks/s,"
                + " %.2f MiB/s of payload; data.mdb %.0f B/block (live data %.0f B/block)",
                label, txs, TX_BYTES, blocks, rate, mib, file, live);
    }

    private AppendRun appendOnce(int txs, int blocks, long seed) throws IOException {
        SyntheticChain chain = new SyntheticChain(CHAIN, 4, seed);
        List<Commit> commits = new ArrayList<>(blocks);
        Block tip = chain.genesis();
        long payloadBytes = 0;
        for (int i = 0; i < blocks; i++) {
            tip = chain.child(tip, chain.payload(txs, TX_BYTES));
            commits.add(chain.commit(tip));
            payloadBytes += tip.payload().byteSize();
        }
        Path dir = newDir();
        long elapsed;
        LmdbStats stats;
        long openStart = System.nanoTime();
        try (LmdbStore store = LmdbStore.open(LmdbConfig.of(dir, CHAIN.chainId(), KEY), chain.genesis())) {
            if (firstOpenMillis < 0) {
                firstOpenMillis = (System.nanoTime() - openStart) / 1e6;
            }
            long start = System.nanoTime();
            for (Commit c : commits) {
                store.commit(c);
            }
            elapsed = System.nanoTime() - start;
            stats = store.stats();
        }
        double secs = elapsed / 1e9;
        deleteTree(dir);
        return new AppendRun(blocks / secs, payloadBytes / secs / (1 << 20), stats.fileBytes() / (double) blocks,
                stats.liveBytes() / (double) blocks);
    }

    /** Builds a chain of {@code blocks} 1 KiB blocks once, then times open + recover + close. */
    private String restart(int blocks, int runs) throws IOException {
        SyntheticChain chain = new SyntheticChain(CHAIN, 4, 99);
        Path dir = newDir();
        LmdbConfig cfg = LmdbConfig.of(dir, CHAIN.chainId(), KEY);
        long buildStart = System.nanoTime();
        LmdbStats stats;
        try (LmdbStore store = LmdbStore.open(cfg, chain.genesis())) {
            Block tip = chain.genesis();
            List<Block> batch = new ArrayList<>();
            for (int i = 1; i <= blocks; i++) {
                tip = chain.child(tip, chain.payload(2, TX_BYTES));
                batch.add(tip);
                if (batch.size() == BUILD_BATCH || i == blocks) {
                    store.commit(chain.commit(batch));
                    batch.clear();
                    progress.printf("restart: building chain %d/%d%n", i, blocks);
                }
            }
            store.saveBlock(chain.child(tip, chain.payload(2, TX_BYTES)));
            stats = store.stats();
        }
        double buildSecs = (System.nanoTime() - buildStart) / 1e9;
        double[] millis = new double[runs];
        for (int run = 0; run <= runs; run++) {
            long start = System.nanoTime();
            try (LmdbStore store = LmdbStore.open(cfg, chain.genesis())) {
                if (store.recover().committedHead().height() != blocks) {
                    throw new IllegalStateException("recovered the wrong head");
                }
            }
            if (run > 0) {
                millis[run - 1] = (System.nanoTime() - start) / 1e6;
            }
            progress.printf("restart: run %d/%d%n", run, runs);
        }
        deleteTree(dir);
        return String.format("restart with %d committed 1 KiB blocks: open + recover %.1f ms; data.mdb %.0f B/block"
                + " (%.1f MiB; live data %.0f B/block); chain built in %.1f s, %d blocks per commit",
                blocks, median(millis), stats.fileBytes() / (double) blocks, stats.fileBytes() / (double) (1 << 20),
                stats.liveBytes() / (double) blocks, buildSecs, BUILD_BATCH);
    }

    private Path newDir() {
        return root.resolve("d" + dirs++);
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static String option(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }

    private static int intOption(String[] args, String name, int dflt) {
        String v = option(args, name);
        return v == null ? dflt : Integer.parseInt(v);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
