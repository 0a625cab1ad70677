package dev.keel.consensus.crypto;

import dev.keel.consensus.codec.Canonical;
import dev.keel.consensus.types.ChainContext;
import dev.keel.consensus.types.PublicKey;
import dev.keel.consensus.types.Signature;

/** Signs protocol messages for one validator, always domain-separated by kind, chain and epoch. */
public final class Signer {
    private final SignatureScheme scheme;
    private final KeyPair keys;
    private final ChainContext chain;

    public Signer(SignatureScheme scheme, KeyPair keys, ChainContext chain) {
        this.scheme = scheme;
        this.keys = keys;
        this.chain = chain;
    }

    public Signature sign(Domain domain, byte[] body) {
        return scheme.sign(keys.privateKey(), Canonical.signingBytes(domain, chain, body));
    }

    public PublicKey publicKey() {
        return keys.publicKey();
    }
}
