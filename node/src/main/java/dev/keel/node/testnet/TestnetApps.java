package dev.keel.node.testnet;

import dev.keel.node.genesis.GenesisApp;
import java.util.Map;

/** The applications a local testnet can run, by the name given to {@code --app}. */
public final class TestnetApps {
    /** Demo accounts a bank testnet funds (their keys anyone can derive: testnet only). */
    public static final long DEMO_ACCOUNTS = 1000;
    public static final long DEMO_BALANCE = 1_000_000_000_000L;

    private TestnetApps() {
    }

    /** @throws IllegalArgumentException for a name other than kv or bank */
    public static GenesisApp of(String name) {
        return switch (name) {
            case "kv" -> GenesisApp.KV;
            case "bank" -> new GenesisApp("bank", Map.of("demo_accounts", DEMO_ACCOUNTS, "demo_balance", DEMO_BALANCE));
            default -> throw new IllegalArgumentException("--app must be kv or bank, got '" + name + "'");
        };
    }
}
