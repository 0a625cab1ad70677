package dev.keel.consensus.types;

import java.nio.charset.StandardCharsets;

/**
 * Which chain and epoch a signature belongs to. Every signed message is domain-separated by
 * it, so a signature from a testnet, another L2 or an earlier epoch never verifies here.
 */
public record ChainContext(String chainId, long epoch) {
    public static final int MAX_CHAIN_ID_BYTES = 64;

    public ChainContext {
        if (chainId.isEmpty() || chainId.getBytes(StandardCharsets.UTF_8).length > MAX_CHAIN_ID_BYTES) {
            throw new IllegalArgumentException("chain id must be 1.." + MAX_CHAIN_ID_BYTES + " bytes");
        }
        if (epoch < 0) {
            throw new IllegalArgumentException("negative epoch");
        }
    }
}
