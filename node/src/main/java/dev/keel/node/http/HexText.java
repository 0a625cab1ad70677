package dev.keel.node.http;

import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Hex as clients write it: either case, with or without a {@code 0x} prefix (Ethereum tooling adds
 * one). The API always answers in lower case without the prefix.
 */
final class HexText {
    private static final HexFormat HEX = HexFormat.of();

    private HexText() {
    }

    /** The bytes, or empty when {@code text} is not an even number of hex digits. */
    static Optional<Bytes> bytes(String text) {
        String digits = strip(text);
        if (digits.length() % 2 != 0) {
            return Optional.empty();
        }
        for (int i = 0; i < digits.length(); i++) {
            if (!isHexDigit(digits.charAt(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(Bytes.wrap(HEX.parseHex(digits)));
    }

    /** A 32-byte hash written as exactly 64 hex digits. */
    static Optional<Hash> hash(String text) {
        String digits = strip(text);
        return digits.length() == 2 * Hash.LENGTH ? bytes(digits).map(Hash::new) : Optional.empty();
    }

    /** ASCII only: {@code Character.digit} would also accept other scripts' digits. */
    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static String strip(String text) {
        return text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
    }
}
