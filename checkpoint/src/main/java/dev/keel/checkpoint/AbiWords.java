package dev.keel.checkpoint;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/**
 * Builds Solidity {@code abi.encode} output word by word, for the few static layouts a
 * checkpoint digest needs. Hand-rolled on purpose: the digest is consensus-critical, and nine
 * fixed words are easier to audit here than through a general ABI library.
 */
final class AbiWords {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    AbiWords uint(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("uint64 field is negative: " + value);
        }
        return uint(BigInteger.valueOf(value));
    }

    AbiWords uint(BigInteger value) {
        byte[] b = value.toByteArray();
        int len = b.length;
        int from = 0;
        if (len > 32) {
            if (len == 33 && b[0] == 0) {
                from = 1;
                len = 32;
            } else {
                throw new IllegalArgumentException("does not fit a uint256: " + value);
            }
        }
        out.write(new byte[32 - len], 0, 32 - len);
        out.write(b, from, len);
        return this;
    }

    AbiWords bytes32(byte[] value) {
        if (value.length != 32) {
            throw new IllegalArgumentException("bytes32 needs 32 bytes, got " + value.length);
        }
        out.write(value, 0, 32);
        return this;
    }

    AbiWords address(byte[] address20) {
        if (address20.length != 20) {
            throw new IllegalArgumentException("an address is 20 bytes, got " + address20.length);
        }
        out.write(new byte[12], 0, 12);
        out.write(address20, 0, 20);
        return this;
    }

    byte[] toBytes() {
        return out.toByteArray();
    }
}
