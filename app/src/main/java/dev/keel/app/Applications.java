package dev.keel.app;

import dev.keel.app.bank.BankApp;
import dev.keel.app.kv.KvApp;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds the application a genesis names. {@code params} are the genesis's {@code app}
 * object minus its {@code name} (strings, numbers, booleans, lists, maps as parsed JSON).
 *
 * @throws IllegalArgumentException naming the bad field, for an unknown name or bad params
 */
public final class Applications {
    /** The applications Keel ships, in the order error messages list them. */
    public static final List<String> KNOWN = List.of(KvApp.NAME, BankApp.NAME);

    private Applications() {
    }

    public static Application create(String name, Map<String, Object> params) {
        if (KvApp.NAME.equals(name)) {
            // kv has no parameters; rejecting unknown ones catches a typo'd or misplaced genesis.
            if (!params.isEmpty()) {
                String first = new TreeSet<>(params.keySet()).first();
                throw new IllegalArgumentException("app." + first + ": unknown parameter (kv takes none)");
            }
            return new KvApp();
        }
        if (BankApp.NAME.equals(name)) {
            return BankApp.fromParams(params);
        }
        throw new IllegalArgumentException("app.name: unknown application '" + name + "' (known: "
                + String.join(", ", KNOWN) + ")");
    }
}
