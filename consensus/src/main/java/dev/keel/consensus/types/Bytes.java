package dev.keel.consensus.types;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte string with value equality. Records never hold a raw {@code byte[]}
 * (its equality is identity), so every byte-valued field in the protocol is one of these.
 */
public final class Bytes implements Comparable<Bytes> {
    public static final Bytes EMPTY = new Bytes(new byte[0]);
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] data;
    private int hash;

    private Bytes(byte[] data) {
        this.data = data;
    }

    /** Copies {@code data}: later changes to the array do not reach this value. */
    public static Bytes copyOf(byte[] data) {
        return new Bytes(data.clone());
    }

    /** Takes ownership of {@code data}; the caller must not change it afterwards. */
    public static Bytes wrap(byte[] data) {
        return new Bytes(data);
    }

    public static Bytes fromHex(String hex) {
        return new Bytes(HEX.parseHex(hex));
    }

    public int length() {
        return data.length;
    }

    public byte get(int index) {
        return data[index];
    }

    /** A fresh copy of the contents. */
    public byte[] toArray() {
        return data.clone();
    }

    /** Read-only access for encoders and hashers on the hot path; never modify the result. */
    public byte[] unsafeArray() {
        return data;
    }

    public String toHex() {
        return HEX.formatHex(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes b && Arrays.equals(data, b.data);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(data);
            hash = h;
        }
        return h;
    }

    @Override
    public int compareTo(Bytes o) {
        return Arrays.compareUnsigned(data, o.data);
    }

    @Override
    public String toString() {
        return data.length <= 16 ? toHex() : toHex().substring(0, 16) + "…(" + data.length + "B)";
    }
}
