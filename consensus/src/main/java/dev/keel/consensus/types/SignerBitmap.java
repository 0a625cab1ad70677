package dev.keel.consensus.types;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The set of validator indices that signed a certificate, as a bitmap of {@code ceil(n/8)}
 * bytes (bit i of byte i/8, least significant first). Its byte form is what certificates
 * encode canonically, so it has exactly one representation per set.
 */
public record SignerBitmap(int size, Bytes bits) {
    public SignerBitmap {
        if (size < 0 || bits.length() != (size + 7) / 8) {
            throw new IllegalArgumentException("bitmap of " + bits.length() + " bytes for " + size + " validators");
        }
        int spare = bits.length() * 8 - size;
        if (spare > 0 && (bits.get(bits.length() - 1) & 0xff) >>> (8 - spare) != 0) {
            throw new IllegalArgumentException("bits set beyond validator count " + size);
        }
    }

    public static SignerBitmap of(int size, Collection<Integer> indices) {
        byte[] b = new byte[(size + 7) / 8];
        for (int i : indices) {
            if (i < 0 || i >= size) {
                throw new IllegalArgumentException("signer index " + i + " outside 0.." + (size - 1));
            }
            b[i / 8] |= (byte) (1 << (i % 8));
        }
        return new SignerBitmap(size, Bytes.wrap(b));
    }

    public boolean contains(int index) {
        return index >= 0 && index < size && (bits.get(index / 8) & (1 << (index % 8))) != 0;
    }

    public int count() {
        int c = 0;
        for (int i = 0; i < bits.length(); i++) {
            c += Integer.bitCount(bits.get(i) & 0xff);
        }
        return c;
    }

    /** Signer indices in ascending order: the order signatures are listed in. */
    public List<Integer> indices() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (contains(i)) {
                out.add(i);
            }
        }
        return out;
    }
}
