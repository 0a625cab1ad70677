package dev.keel.node.genesis;

import dev.keel.app.Application;
import dev.keel.app.Applications;
import java.util.Map;

/**
 * The application every validator runs, named in the genesis (it must be the same everywhere:
 * validators running different state machines would disagree on every state root).
 * {@code params} is the genesis's {@code app} object minus {@code name}, as parsed JSON.
 */
@SuppressWarnings("unchecked")
public record GenesisApp(String name, Map<String, Object> params) {
    public static final GenesisApp KV = new GenesisApp("kv", Map.of());

    public GenesisApp {
        params = (Map<String, Object>) normalize(params);
    }

    /**
     * Integral numbers become {@code Long} (JSON parsing may give BigInteger, code may give
     * Integer), maps and lists become immutable: equal genesis documents give equal records.
     */
    private static Object normalize(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.TreeMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), normalize(x)));
            return java.util.Collections.unmodifiableMap(out);
        } else if (v instanceof java.util.List<?> l) {
            return l.stream().map(GenesisApp::normalize).toList();
        } else if (v instanceof Number n && !(n instanceof Double) && !(n instanceof Float)) {
            try {
                return new java.math.BigDecimal(n.toString()).longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                return n; // not integral, or beyond a long: left for the application to refuse
            }
        }
        return v;
    }

    /** A fresh instance at genesis state. @throws IllegalArgumentException for an unknown name or bad params */
    public Application create() {
        return Applications.create(name, params);
    }
}
