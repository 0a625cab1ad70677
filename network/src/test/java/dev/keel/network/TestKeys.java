package dev.keel.network;

import dev.keel.consensus.crypto.Ed25519;
import dev.keel.consensus.crypto.KeyPair;
import dev.keel.consensus.types.PublicKey;
import java.util.ArrayList;
import java.util.List;

/** Deterministic Ed25519 network keys for tests. */
public final class TestKeys {
    public static final Ed25519 ED25519 = new Ed25519();

    private TestKeys() {
    }

    public static KeyPair key(int seed) {
        byte[] s = new byte[32];
        s[0] = (byte) seed;
        s[1] = (byte) (seed >> 8);
        s[31] = 0x5a;
        return ED25519.keyPair(s);
    }

    /** Keys of validators {@code 0..n-1}. */
    public static List<KeyPair> validators(int n) {
        List<KeyPair> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add(key(i));
        }
        return keys;
    }

    public static List<PublicKey> publicKeys(List<KeyPair> keys) {
        return keys.stream().map(KeyPair::publicKey).toList();
    }
}
