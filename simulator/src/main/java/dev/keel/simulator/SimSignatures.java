package dev.keel.simulator;

import dev.keel.consensus.crypto.KeyPair;
import dev.keel.consensus.crypto.PrivateKey;
import dev.keel.consensus.crypto.Sha256;
import dev.keel.consensus.crypto.SignatureScheme;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.PublicKey;
import dev.keel.consensus.types.Signature;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A signature scheme for simulation only: a signature is SHA-256(secret ‖ message) padded to
 * 64 bytes, and the verifier looks the secret up by public key. It has Ed25519's
 * unforgeability <i>within the simulation</i> (a byzantine replica holds only its own
 * secret) at a hundredth of the cost, which is what lets thousands of seeds run in seconds.
 * {@code keel simulate --crypto ed25519} runs the real scheme instead.
 */
public final class SimSignatures implements SignatureScheme {
    private final Map<PublicKey, PrivateKey> secrets = new HashMap<>();

    @Override
    public String name() {
        return "sim";
    }

    @Override
    public synchronized KeyPair keyPair(byte[] seed32) {
        PrivateKey priv = new PrivateKey(Bytes.copyOf(seed32));
        PublicKey pub = new PublicKey(Bytes.wrap(Sha256.digest("keel-sim-pk".getBytes(), seed32)));
        secrets.put(pub, priv);
        return new KeyPair(priv, pub);
    }

    @Override
    public Signature sign(PrivateKey key, byte[] message) {
        return new Signature(Bytes.wrap(Arrays.copyOf(Sha256.digest(key.seed().unsafeArray(), message), 64)));
    }

    @Override
    public boolean verify(PublicKey key, byte[] message, Signature signature) {
        PrivateKey secret;
        synchronized (this) {
            secret = secrets.get(key);
        }
        return secret != null && sign(secret, message).equals(signature);
    }

    @Override
    public synchronized boolean isValidPublicKey(PublicKey key) {
        return secrets.containsKey(key);
    }
}
