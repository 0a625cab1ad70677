package dev.keel.node.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.node.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class L1KeyFileTest {
    @TempDir
    Path dir;

    @Test
    void generateLoadAndRefuseToOverwrite() throws Exception {
        var key = L1KeyFile.generate(dir, false, new SecureRandom());
        assertEquals(key.address(), L1KeyFile.load(dir).orElseThrow().address());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("l1.key"))));
        assertThrows(ConfigException.class, () -> L1KeyFile.generate(dir, false, new SecureRandom()));
        var replaced = L1KeyFile.generate(dir, true, new SecureRandom());
        assertEquals(replaced.address(), L1KeyFile.load(dir).orElseThrow().address());
    }

    @Test
    void absentIsEmptyAndGarbageIsNamed() throws Exception {
        assertTrue(L1KeyFile.load(dir).isEmpty());
        Path f = dir.resolve("l1.key");
        Files.writeString(f, "secp256k1 zz\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        var e = assertThrows(ConfigException.class, () -> L1KeyFile.load(dir));
        assertTrue(e.getMessage().contains("l1.key"), e.getMessage());
        Files.writeString(f, "ed25519 00\n");
        assertTrue(assertThrows(ConfigException.class, () -> L1KeyFile.load(dir)).getMessage().contains("secp256k1"));
        Files.writeString(f, "secp256k1 " + "00".repeat(32) + "\n");
        assertTrue(assertThrows(ConfigException.class, () -> L1KeyFile.load(dir)).getMessage().contains("not a valid"));
    }
}
