package dev.keel.checkpoint.sim;

import dev.keel.consensus.types.Bytes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * KeelCheckpoints' checked-in creation bytecode, read from the classpath at runtime: a
 * deployment must start with exactly these bytes, so the simulator never accepts a contract it
 * does not implement. {@code runtime} is the part solc appends for the deployed code (found at
 * the second {@code 6080604052} prologue); eth_getCode returns it, with immutables unpatched.
 */
record ContractCode(Bytes creation, Bytes runtime) {
    static final String RESOURCE = "/dev/keel/checkpoint/l1/KeelCheckpoints.bin";
    private static final byte[] PROLOGUE = HexFormat.of().parseHex("6080604052");

    static ContractCode load() {
        try (InputStream in = ContractCode.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing: the simulator needs the "
                        + "compiled contract (checkpoint/l1/build-contract.js writes it)");
            }
            String hex = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
            return of(Bytes.wrap(HexFormat.of().parseHex(hex.startsWith("0x") ? hex.substring(2) : hex)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
    }

    static ContractCode of(Bytes creation) {
        byte[] c = creation.unsafeArray();
        for (int i = 1; i + PROLOGUE.length <= c.length; i++) {
            if (java.util.Arrays.equals(c, i, i + PROLOGUE.length, PROLOGUE, 0, PROLOGUE.length)) {
                return new ContractCode(creation, Bytes.wrap(java.util.Arrays.copyOfRange(c, i, c.length)));
            }
        }
        return new ContractCode(creation, creation);
    }
}
