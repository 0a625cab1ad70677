package dev.keel.checkpoint;

import org.bouncycastle.crypto.digests.KeccakDigest;

/** Keccak-256 as Ethereum uses it (not SHA3-256: the padding differs). */
public final class Keccak {
    private Keccak() {
    }

    public static byte[] hash(byte[]... parts) {
        KeccakDigest d = new KeccakDigest(256);
        for (byte[] p : parts) {
            d.update(p, 0, p.length);
        }
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    public static byte[] hash(String utf8) {
        return hash(utf8.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
