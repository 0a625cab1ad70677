package dev.keel.node.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.crypto.Ed25519;
import dev.keel.consensus.crypto.KeyPair;
import dev.keel.node.config.ConfigException;
import dev.keel.node.config.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {
    @TempDir
    Path dir;

    private final SecureRandom random = new SecureRandom();

    @Test
    void generatedKeysLoadBackAndSign() throws IOException {
        ValidatorKeys keys = KeyFiles.generate(dir.resolve("v0"), false, random);
        ValidatorKeys loaded = KeyFiles.load(dir.resolve("v0"));
        assertEquals(keys, loaded);
        assertNotEquals(keys.consensus().publicKey(), keys.network().publicKey());
        Ed25519 ed = new Ed25519();
        byte[] msg = "vote".getBytes();
        assertTrue(ed.verify(loaded.consensus().publicKey(), msg, ed.sign(loaded.consensus().privateKey(), msg)));
    }

    @Test
    void filesAreOwnerOnlyAndDirectoryTooAndNoTempFilesRemain() throws IOException {
        Path keys = dir.resolve("new/keys");
        KeyFiles.generate(keys, false, random);
        for (KeyPurpose p : KeyPurpose.values()) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(p.fileName()))));
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)));
        try (var files = Files.list(keys)) {
            assertEquals(2, files.count(), "only consensus.key and network.key");
        }
    }

    @Test
    void fileFormatIsTheDocumentedJson() throws IOException {
        ValidatorKeys keys = KeyFiles.generate(dir, false, random);
        Map<?, ?> m = (Map<?, ?>) Json.parse(Files.readString(dir.resolve("consensus.key")));
        assertEquals(java.util.List.of("version", "scheme", "purpose", "seed", "public"), java.util.List.copyOf(m.keySet()));
        assertEquals("ed25519", m.get("scheme"));
        assertEquals("consensus", m.get("purpose"));
        assertEquals(keys.consensus().privateKey().seed().toHex(), m.get("seed"));
        assertEquals(keys.consensus().publicKey().bytes().toHex(), m.get("public"));
    }

    @Test
    void refusesToOverwriteWithoutForce() throws IOException {
        ValidatorKeys first = KeyFiles.generate(dir, false, random);
        ConfigException e = assertThrows(ConfigException.class, () -> KeyFiles.generate(dir, false, random));
        assertEquals(dir.resolve("consensus.key") + ": already exists; refusing to overwrite a key (pass --force to replace it)",
                e.getMessage());
        assertEquals(first, KeyFiles.load(dir), "nothing was written");
        ConfigException one = assertThrows(ConfigException.class,
                () -> KeyFiles.save(dir.resolve("network.key"), KeyPurpose.NETWORK, KeyFiles.newKeyPair(random), false));
        assertTrue(one.getMessage().contains("already exists"), one.getMessage());
        assertEquals(first, KeyFiles.load(dir));
    }

    @Test
    void forceReplaces() throws IOException {
        ValidatorKeys first = KeyFiles.generate(dir, false, random);
        ValidatorKeys second = KeyFiles.generate(dir, true, random);
        assertNotEquals(first, second);
        assertEquals(second, KeyFiles.load(dir));
    }

    @Test
    void refusesAPublicKeyThatDoesNotMatchTheSeed() throws IOException {
        KeyFiles.generate(dir, false, random);
        KeyPair other = KeyFiles.newKeyPair(random);
        rewrite("consensus.key", "\"public\": \"[0-9a-f]{64}\"", "\"public\": \"" + other.publicKey().bytes().toHex() + "\"");
        ConfigException e = assertThrows(ConfigException.class, () -> KeyFiles.load(dir));
        assertEquals(dir.resolve("consensus.key") + ": public: does not match the seed (the file is corrupted or was edited)",
                e.getMessage());
    }

    @Test
    void refusesAnotherScheme() throws IOException {
        KeyFiles.generate(dir, false, random);
        rewrite("consensus.key", "ed25519", "secp256k1");
        ConfigException e = assertThrows(ConfigException.class, () -> KeyFiles.load(dir));
        assertEquals("scheme", e.key());
        assertEquals("'secp256k1' is not supported (only ed25519)", e.problem());
    }

    @Test
    void refusesWrongLengthsAndHex() throws IOException {
        KeyFiles.generate(dir, false, random);
        rewrite("consensus.key", "\"seed\": \"([0-9a-f]{62})[0-9a-f]{2}\"", "\"seed\": \"$1\"");
        ConfigException e = assertThrows(ConfigException.class, () -> KeyFiles.load(dir));
        assertEquals("seed: 31 bytes, expected 32 (64 hex digits)", e.problems().get(0).toString());
        rewrite("network.key", "\"public\": \"[0-9a-f]{2}", "\"public\": \"zz");
        ConfigException e2 = assertThrows(ConfigException.class, () -> KeyFiles.load(dir.resolve("network.key"), KeyPurpose.NETWORK));
        assertEquals("public: not hex", e2.problems().get(0).toString());
    }

    @Test
    void refusesSwappedFilesUnknownFieldsAndGarbage() throws IOException {
        KeyFiles.generate(dir, false, random);
        ConfigException swapped = assertThrows(ConfigException.class,
                () -> KeyFiles.load(dir.resolve("network.key"), KeyPurpose.CONSENSUS));
        assertEquals("purpose: this is a network key, expected a consensus key (files swapped?)", swapped.problems().get(0).toString());
        rewrite("consensus.key", "\\{", "{\"comment\": \"x\", ");
        assertEquals("comment: unknown field",
                assertThrows(ConfigException.class, () -> KeyFiles.load(dir)).problems().get(0).toString());
        Files.writeString(dir.resolve("consensus.key"), "not json");
        ConfigException garbage = assertThrows(ConfigException.class, () -> KeyFiles.load(dir));
        assertTrue(garbage.getMessage().contains("not a key file: line 1, column 1"), garbage.getMessage());
    }

    @Test
    void missingFileSaysHowToCreateIt() {
        ConfigException e = assertThrows(ConfigException.class, () -> KeyFiles.load(dir.resolve("nokeys")));
        assertTrue(e.getMessage().contains("consensus.key: does not exist (create keys with 'keel keygen --out "), e.getMessage());
    }

    @Test
    void refusesAKeyFileOthersCanWrite() throws IOException {
        KeyFiles.generate(dir, false, random);
        Path f = dir.resolve("consensus.key");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw-r--"));
        ConfigException e = assertThrows(ConfigException.class, () -> KeyFiles.load(dir));
        assertEquals("permissions", e.key());
        assertTrue(e.problem().startsWith("rw-rw-r-- lets group or others replace this key"), e.problem());
        assertTrue(e.problem().endsWith("run: chmod 600 " + f), e.problem());
    }

    @Test
    void loadsButWarnsWhenOthersCanRead() throws IOException {
        ValidatorKeys keys = KeyFiles.generate(dir, false, random);
        Files.setPosixFilePermissions(dir.resolve("consensus.key"), PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(keys, KeyFiles.load(dir)); // Kubernetes secrets are 0644 by default: warn, do not refuse
    }

    @Test
    void refusesTheSameKeyForBothPurposes() throws IOException {
        KeyPair one = KeyFiles.newKeyPair(random);
        KeyFiles.save(dir.resolve("consensus.key"), KeyPurpose.CONSENSUS, one, false);
        KeyFiles.save(dir.resolve("network.key"), KeyPurpose.NETWORK, one, false);
        ConfigException e = assertThrows(ConfigException.class, () -> KeyFiles.load(dir));
        assertEquals(dir + ": the consensus and network keys must differ", e.getMessage());
    }

    private void rewrite(String file, String regex, String replacement) throws IOException {
        Path f = dir.resolve(file);
        String before = Files.readString(f);
        String after = before.replaceFirst(regex, replacement);
        assertNotEquals(before, after, "test edit applied");
        Files.writeString(f, after);
    }
}
