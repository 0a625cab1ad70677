package dev.keel.checkpoint.l1;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The compiled contract as checked-in resources. They are written only by
 * checkpoint/l1/build-contract.js, whose {@code --check} mode (run by the test suite) proves they
 * are what the pinned solc makes of the .sol source.
 */
final class ContractArtifact {
    static final String BIN_RESOURCE = "/dev/keel/checkpoint/l1/KeelCheckpoints.bin";
    static final String ABI_RESOURCE = "/dev/keel/checkpoint/l1/KeelCheckpoints.abi.json";
    /** 0x + creation bytecode; loaded once, the resource cannot change at run time. */
    static final String BYTECODE = loadBytecode();

    private ContractArtifact() {
    }

    static InputStream open(String resource) {
        InputStream in = ContractArtifact.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource + " (run node checkpoint/l1/build-contract.js)");
        }
        return in;
    }

    private static String loadBytecode() {
        try (InputStream in = open(BIN_RESOURCE)) {
            String hex = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (hex.isEmpty() || hex.length() % 2 != 0 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new IllegalStateException(BIN_RESOURCE + " is not plain hex bytecode");
            }
            return "0x" + hex;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BIN_RESOURCE, e);
        }
    }
}
