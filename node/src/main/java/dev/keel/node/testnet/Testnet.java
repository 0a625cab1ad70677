package dev.keel.node.testnet;

import dev.keel.node.genesis.GenesisApp;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A running local testnet: one JVM process per validator (each {@code keel run} on its own
 * config), the file {@code testnet.json} describing them, and a live status line until
 * stopped — by Ctrl-C, or after {@code duration}, with a JSON summary.
 */
public final class Testnet {
    private final TestnetLayout layout;
    private final List<Process> processes = new ArrayList<>();
    private final StatusPoller poller;
    private TestnetL1 l1; // null when the genesis has no checkpoints (a testnet made before them)

    private Testnet(TestnetLayout layout) {
        this.layout = layout;
        this.poller = new StatusPoller(layout);
    }

    public static Testnet start(Path dir, int validators) throws IOException {
        return start(dir, validators, GenesisApp.KV);
    }

    /** Starts (or restarts) the testnet in {@code dir}; a new one runs {@code app}; the embedded L1. */
    public static Testnet start(Path dir, int validators, GenesisApp app) throws IOException {
        return start(dir, validators, app, null, null);
    }

    /**
     * As above, anchoring to the L1 at {@code l1Url} (null: the embedded simulator), deploying
     * with {@code l1Key} (hex; null: the dev chains' first account).
     */
    public static Testnet start(Path dir, int validators, GenesisApp app, String l1Url, String l1Key) throws IOException {
        Testnet t = new Testnet(TestnetLayout.prepare(dir, validators, app));
        var genesis = dev.keel.node.genesis.GenesisFile.load(dir.resolve("genesis.json"));
        if (genesis.checkpoints().isPresent()) {
            t.l1 = TestnetL1.start(t.layout, genesis, l1Url, l1Key);
        }
        t.layout.writeConfigs(t.l1 == null ? "" : t.l1.configBlock());
        Runtime.getRuntime().addShutdownHook(new Thread(t::stop, "testnet-stop"));
        for (int i = 0; i < validators; i++) {
            t.processes.add(t.launch(i));
        }
        t.writeDescription();
        return t;
    }

    private Process launch(int i) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC",
                "-Dkeel.idle-wait-ms=" + Long.getLong("keel.idle-wait-ms", -1)));
        // C1 only: several validator JVMs share a small machine, and C2's compile bursts in the
        // first minutes starve consensus (measured: p50 at 200 tx/s 142 ms with, 648 ms without).
        // -Dkeel.node-jvm-opts="..." replaces it.
        String opts = System.getProperty("keel.node-jvm-opts", "-XX:TieredStopAtLevel=1");
        cmd.addAll(List.of(opts.split(" +")).stream().filter(x -> !x.isBlank()).toList());
        cmd.addAll(List.of(
                "-Dlmdbjava.extract.dir=" + layout.nodeDir(i).toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), "dev.keel.node.cli.Keel", "run", "--config",
                layout.config(i).toAbsolutePath().toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.log(i).toFile())).start();
    }

    /** DIR/testnet.json: what scripts need to find each validator. */
    private void writeDescription() throws IOException {
        StringBuilder sb = new StringBuilder("{\n  \"chain_id\": \"" + TestnetLayout.CHAIN_ID + "\",\n");
        if (l1 != null) {
            sb.append("  \"l1\": {\"url\": \"").append(l1.url()).append("\", \"contract\": \"").append(l1.contract().hex())
                    .append("\", \"embedded\": ").append(l1.simulator().isPresent()).append("},\n");
        }
        sb.append("  \"validators\": [\n");
        for (int i = 0; i < processes.size(); i++) {
            sb.append(String.format(Locale.ROOT, "    {\"id\": %d, \"http\": \"http://%s:%d\", \"p2p\": \"%s:%d\", \"pid\": %d, "
                            + "\"data_dir\": \"%s\", \"config\": \"%s\", \"log\": \"%s\"}%s%n", i,
                    layout.http().get(i).host(), layout.http().get(i).port(), layout.p2p().get(i).host(), layout.p2p().get(i).port(),
                    processes.get(i).pid(), layout.dataDir(i).toAbsolutePath(), layout.config(i).toAbsolutePath(),
                    layout.log(i).toAbsolutePath(), i + 1 < processes.size() ? "," : ""));
        }
        sb.append("  ]\n}\n");
        Files.writeString(layout.dir().resolve("testnet.json"), sb.toString());
    }

    /** Shows the status line until interrupted, or for {@code duration} and then returns the summary. */
    public TestnetSummary watch(Duration duration, PrintStream out) throws InterruptedException {
        boolean tty = System.console() != null;
        awaitUp(out, tty);
        poller.restart();
        long start = System.nanoTime();
        long lastPrint = 0;
        while (duration == null || System.nanoTime() - start < duration.toNanos()) {
            StatusPoller.Sample s = poller.poll(processes);
            long elapsed = (System.nanoTime() - start) / 1_000_000_000L;
            String line = s.line(elapsed);
            if (tty) {
                out.print("\r\033[K" + line);
                out.flush();
            } else if (elapsed - lastPrint >= 5 || lastPrint == 0) {
                out.println(line);
                lastPrint = Math.max(1, elapsed);
            }
            Thread.sleep(1000);
        }
        if (tty) {
            out.println();
        }
        return poller.summary(processes);
    }

    /** Waits (at most two minutes) until every validator answers /status: a duration counts running time. */
    private void awaitUp(PrintStream out, boolean tty) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        int up = 0;
        while (up < processes.size() && System.nanoTime() < deadline) {
            for (int i = 0; i < processes.size(); i++) {
                if (!processes.get(i).isAlive()) {
                    throw new IllegalStateException("validator " + i + " exited with code " + processes.get(i).exitValue()
                            + "; see " + layout.log(i));
                }
            }
            up = poller.poll(processes).up();
            if (tty) {
                out.print("\r\033[Kstarting: " + up + "/" + processes.size() + " validators up");
                out.flush();
            }
            Thread.sleep(500);
        }
        if (tty) {
            out.print("\r\033[K");
        }
    }

    /** SIGTERM every validator (each closes LMDB cleanly), then force what does not exit in 15 s. */
    public synchronized void stop() {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(15, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (l1 != null) {
            l1.close();
        }
    }

    /** The testnet's L1, when its genesis anchors. */
    public java.util.Optional<TestnetL1> l1() {
        return java.util.Optional.ofNullable(l1);
    }

    public Path dir() {
        return layout.dir();
    }
}
