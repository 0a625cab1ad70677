package dev.keel.storage.lmdb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A child JVM running a test main class on this test's class path, with its output collected. */
final class ChildJvm {
    final Process process;
    final List<String> out = new CopyOnWriteArrayList<>();
    final List<String> err = new CopyOnWriteArrayList<>();
    private final Thread outReader;
    private final Thread errReader;

    private ChildJvm(Process p) {
        this.process = p;
        outReader = pump(p.getInputStream(), out);
        errReader = pump(p.getErrorStream(), err);
    }

    /**
     * Starts {@code main} with {@code args}; {@code shellPrefix} (e.g. "ulimit -f 64 &&") runs it
     * under /bin/sh. lmdbjava extracts its native library into {@code scratch}: it deletes the
     * copy only on a normal exit, so a SIGKILLed child would otherwise leave one in /tmp.
     */
    static ChildJvm start(Path scratch, String shellPrefix, Class<?> main, String... args) {
        try {
            java.nio.file.Files.createDirectories(scratch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Dlmdbjava.extract.dir=" + scratch,
                "-cp", System.getProperty("java.class.path"), main.getName()));
        java.addAll(List.of(args));
        List<String> cmd = java;
        if (shellPrefix != null) {
            StringBuilder sb = new StringBuilder(shellPrefix).append(" exec");
            java.forEach(a -> sb.append(" '").append(a.replace("'", "'\\''")).append('\''));
            cmd = List.of("/bin/sh", "-c", sb.toString());
        }
        try {
            return new ChildJvm(new ProcessBuilder(cmd).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until a stdout line starts with {@code prefix}; fails if the child dies first. */
    String awaitLine(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : out) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            if (!process.isAlive() && !outReader.isAlive()) {
                throw new AssertionError("child exited (" + process.exitValue() + ") before '" + prefix + "': " + err);
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no '" + prefix + "' from child within " + timeout + "; stderr: " + err);
    }

    /** SIGKILL, then waits for the process and for its output to be fully read. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        finish();
    }

    int finish() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child did not exit");
        }
        outReader.join(10_000);
        errReader.join(10_000);
        return process.exitValue();
    }

    private static Thread pump(java.io.InputStream in, List<String> sink) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    sink.add(line);
                }
            } catch (IOException e) {
                // The pipe closes when the child is killed.
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }
}
