package dev.keel.simulator;

import dev.keel.consensus.types.Bytes;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The event trace of one run: every handled event as one line, hashed into a digest. Two
 * runs of one seed have the same digest; printing is optional, hashing is not.
 */
public final class Trace {
    private final MessageDigest digest;
    private final PrintStream printer;

    public Trace(PrintStream printer) {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        this.printer = printer;
    }

    public void record(long micros, String line) {
        String full = String.format("%d.%06d %s", micros / 1_000_000, micros % 1_000_000, line);
        digest.update(full.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        if (printer != null) {
            printer.println(full);
        }
    }

    public String digestHex() {
        try {
            return Bytes.wrap(((MessageDigest) digest.clone()).digest()).toHex();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}
