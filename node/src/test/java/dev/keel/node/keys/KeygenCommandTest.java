package dev.keel.node.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeygenCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesBothKeysAndPrintsThePublicHalves() throws IOException {
        Path out = dir.resolve("v0");
        CliRun run = CliRun.of("keygen", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        ValidatorKeys keys = KeyFiles.load(out);
        assertTrue(run.out().contains("consensus public key: " + keys.consensus().publicKey().bytes().toHex()), run.out());
        assertTrue(run.out().contains("network public key:   " + keys.network().publicKey().bytes().toHex()), run.out());
        assertTrue(!run.out().contains(keys.consensus().privateKey().seed().toHex()), "never prints a seed");
    }

    @Test
    void refusesToOverwriteUnlessForced() throws IOException {
        Path out = dir.resolve("v0");
        assertEquals(0, CliRun.of("keygen", "--out", out.toString()).exitCode());
        String before = Files.readString(out.resolve("consensus.key"));
        CliRun again = CliRun.of("keygen", "--out", out.toString());
        assertEquals(2, again.exitCode());
        assertTrue(again.err().startsWith("keel: " + out.toAbsolutePath().resolve("consensus.key") + ": already exists"), again.err());
        assertEquals(before, Files.readString(out.resolve("consensus.key")));
        assertEquals(0, CliRun.of("keygen", "--out", out.toString(), "--force").exitCode());
        assertTrue(!before.equals(Files.readString(out.resolve("consensus.key"))));
    }

    @Test
    void outIsRequired() {
        CliRun run = CliRun.of("keygen");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Missing required option: '--out=DIR'"), run.err());
    }

    @Test
    void outMustNotBeAFile() throws IOException {
        Path f = Files.writeString(dir.resolve("file"), "x");
        CliRun run = CliRun.of("keygen", "--out", f.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("is not a directory"), run.err());
    }
}
