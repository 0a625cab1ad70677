package dev.keel.app.bank;

import dev.keel.consensus.crypto.KeyPair;
import dev.keel.consensus.crypto.Sha256;
import java.nio.charset.StandardCharsets;

/**
 * Deterministic demo accounts for testnets and load generators: account {@code i}'s private
 * seed is {@code SHA-256("keel/bank/demo-account/" + i)} (decimal {@code i}, UTF-8).
 *
 * <p><b>Testnet only.</b> Anyone can derive these keys, so anyone can spend demo balances;
 * a genesis with real value must list its accounts explicitly ({@code app.accounts}).
 */
public final class BankDemoAccounts {
    public static final String SEED_PREFIX = "keel/bank/demo-account/";

    private BankDemoAccounts() {
    }

    public static KeyPair keyPair(int i) {
        if (i < 0) {
            throw new IllegalArgumentException("demo account index " + i + " is negative");
        }
        byte[] seed = Sha256.digest((SEED_PREFIX + i).getBytes(StandardCharsets.UTF_8));
        return Transfer.ED25519.keyPair(seed);
    }
}
