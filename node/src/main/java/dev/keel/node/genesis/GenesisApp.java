package dev.keel.node.genesis;

import dev.keel.app.Application;
import dev.keel.app.Applications;
import java.util.Map;

/**
 * The application every validator runs, named in the genesis (it must be the same everywhere:
 * validators running different state machines would disagree on every state root).
 * {@code params} is the genesis's {@code app} object minus {@code name}, as parsed JSON.
 */
public record GenesisApp(String name, Map<String, Object> params) {
    public static final GenesisApp KV = new GenesisApp("kv", Map.of());

    public GenesisApp {
        params = Map.copyOf(params);
    }

    /** A fresh instance at genesis state. @throws IllegalArgumentException for an unknown name or bad params */
    public Application create() {
        return Applications.create(name, params);
    }
}
