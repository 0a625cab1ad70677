package dev.keel.node.keys;

import dev.keel.checkpoint.EthKey;
import dev.keel.node.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A validator's L1 key, {@code l1.key} in its key directory: one line, {@code secp256k1 <64 hex>}.
 * It signs checkpoints and pays for submitting them to the L1 contract. Written and checked
 * like the Ed25519 key files (0600, atomic, refuses to overwrite without --force).
 */
public final class L1KeyFile {
    public static final String FILE_NAME = "l1.key";
    private static final String PREFIX = "secp256k1 ";

    private L1KeyFile() {
    }

    public static EthKey generate(Path dir, boolean force, SecureRandom random) throws IOException {
        EthKey key = EthKey.generate(random);
        KeyFiles.writeSecret(dir.resolve(FILE_NAME), (PREFIX + HexFormat.of().formatHex(key.privateKey()) + "\n")
                .getBytes(StandardCharsets.UTF_8), force);
        return key;
    }

    /** The key in {@code dir}, or empty when the directory has no l1.key (a node that does not checkpoint). */
    public static Optional<EthKey> load(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String source = file.toAbsolutePath().normalize().toString();
        String text = new String(KeyFiles.readSecret(file, source), StandardCharsets.UTF_8).strip();
        if (!text.startsWith(PREFIX)) {
            throw new ConfigException(source, List.of(new ConfigException.Problem("",
                    "expected 'secp256k1 <64 hex digits>' (create it with 'keel keygen')")));
        }
        try {
            return Optional.of(EthKey.fromHex(text.substring(PREFIX.length()).strip()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source, List.of(new ConfigException.Problem("", e.getMessage())));
        }
    }
}
