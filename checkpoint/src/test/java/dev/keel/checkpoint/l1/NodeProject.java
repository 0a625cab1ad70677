package dev.keel.checkpoint.l1;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The npm project in checkpoint/l1 as tests see it: where it is, installing it (npm ci from the
 * lock file) and running its commands with bounded waits. Shared by {@link HardhatNode} and the
 * build-reproducibility test so the logic exists once.
 */
final class NodeProject {
    static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

    private NodeProject() {
    }

    /** checkpoint/l1, found from the working directory (checkpoint/ under Maven, or the repo root in an IDE). */
    static Path dir() {
        Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            for (Path candidate : List.of(p.resolve("l1"), p.resolve("checkpoint").resolve("l1"))) {
                if (Files.isRegularFile(candidate.resolve("hardhat.config.js"))
                        && Files.isRegularFile(candidate.resolve("package-lock.json"))) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("cannot find checkpoint/l1 (hardhat.config.js + package-lock.json) above " + here);
    }

    /** Runs {@code npm ci} once when hardhat or solc is missing from node_modules. */
    static synchronized void ensureInstalled() {
        Path modules = dir().resolve("node_modules");
        if (Files.isRegularFile(modules.resolve("hardhat/package.json"))
                && Files.isRegularFile(modules.resolve("solc/package.json"))) {
            return;
        }
        Result r = run(dir(), List.of("npm", "ci", "--no-audit", "--no-fund"), INSTALL_TIMEOUT, "npm-ci.log");
        if (r.exitCode() != 0) {
            throw new IllegalStateException("npm ci in " + dir() + " failed with exit " + r.exitCode() + ":\n" + r.output());
        }
    }

    record Result(int exitCode, String output) {
    }

    /** Runs a command in {@code workDir}, output to target/l1-logs/{@code logName}; kills it after {@code timeout}. */
    static Result run(Path workDir, List<String> command, Duration timeout, String logName) {
        Path log = logFile(logName);
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Process p = launch(pb, command.get(0));
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout
                        + "; output:\n" + tail(log));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
        return new Result(p.exitValue(), tail(log));
    }

    /** Starts {@code pb}; a missing executable becomes a message that says what to install. */
    static Process launch(ProcessBuilder pb, String what) {
        try {
            return pb.start();
        } catch (IOException e) {
            throw new IllegalStateException(what + " could not be started (" + e.getMessage() + "). The L1 tests need "
                    + "Node.js 20+ with npm on the PATH; they are not skipped on purpose.", e);
        }
    }

    static Path logFile(String name) {
        Path dir = dir().getParent().resolve("target").resolve("l1-logs");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return dir.resolve(name);
    }

    /** The last 60 lines of a log, for failure messages. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
