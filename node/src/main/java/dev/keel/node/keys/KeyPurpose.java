package dev.keel.node.keys;

import java.util.Locale;

/**
 * What a validator key signs. Two keys, two files: the consensus key signs votes, proposals
 * and timeouts; the network key only authenticates transport handshakes. Keeping them apart
 * means a leaked or misused transport key cannot sign a vote.
 */
public enum KeyPurpose {
    CONSENSUS("consensus.key"),
    NETWORK("network.key");

    private final String fileName;

    KeyPurpose(String fileName) {
        this.fileName = fileName;
    }

    /** The file name inside a validator's key directory. */
    public String fileName() {
        return fileName;
    }

    /** The word used in key files and messages: {@code consensus}, {@code network}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
