package dev.keel.node.bench;

import dev.keel.consensus.types.Bytes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A transaction ready to send, with its hash as the block stream spells it (hex SHA-256 of
 * the bytes), computed by the producer so the sender and the stream reader only compare strings.
 */
public record PreparedTx(Bytes bytes, String hash) {
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    });

    public static PreparedTx of(Bytes bytes) {
        return new PreparedTx(bytes, hashHex(bytes));
    }

    public static String hashHex(Bytes bytes) {
        return HexFormat.of().formatHex(SHA256.get().digest(bytes.unsafeArray()));
    }
}
