package dev.keel.checkpoint;

import dev.keel.consensus.types.Bytes;
import java.util.HexFormat;
import java.util.Locale;

/** A 20-byte Ethereum address, ordered as the contract orders signers (unsigned, big-endian). */
public record EthAddress(Bytes bytes) implements Comparable<EthAddress> {
    public EthAddress {
        if (bytes.length() != 20) {
            throw new IllegalArgumentException("an Ethereum address is 20 bytes, got " + bytes.length());
        }
    }

    /** Parses {@code 0x} + 40 hex digits (any case; the EIP-55 checksum is not enforced). */
    public static EthAddress parse(String text) {
        String t = text.strip();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
        }
        if (t.length() != 40) {
            throw new IllegalArgumentException("an Ethereum address is 0x + 40 hex digits, got '" + text + "'");
        }
        try {
            return new EthAddress(Bytes.wrap(HexFormat.of().parseHex(t)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("an Ethereum address is 0x + 40 hex digits, got '" + text + "'", e);
        }
    }

    public String hex() {
        return "0x" + bytes.toHex().toLowerCase(Locale.ROOT);
    }

    @Override
    public int compareTo(EthAddress o) {
        return bytes.compareTo(o.bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
