package dev.keel.app.bank;

import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.PublicKey;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bank's initial balances, from the genesis's {@code app} parameters:
 * <ul>
 *   <li>{@code accounts}: {@code {"<64 hex digits>": balance, ...}};</li>
 *   <li>{@code demo_accounts}: N and {@code demo_balance}: B — accounts 0..N-1 of
 *       {@link BankDemoAccounts}, each holding B (testnet only: anyone can derive the keys).</li>
 * </ul>
 * Numbers may come from any JSON parser (Integer, Long, BigInteger, BigDecimal, Double...): any
 * integral value in range is accepted. Bad input is operator error at startup, so it throws
 * {@link IllegalArgumentException} naming the field, e.g. {@code app.accounts.<key>: negative balance}.
 */
public record BankGenesis(Map<PublicKey, Long> balances, long totalSupply) {
    /** Each demo account costs a key derivation (tens of microseconds): the cap keeps startup to seconds. */
    public static final int MAX_DEMO_ACCOUNTS = 100_000;
    private static final Set<String> KNOWN = Set.of("accounts", "demo_accounts", "demo_balance");

    public BankGenesis {
        balances = Map.copyOf(balances);
        long sum = 0;
        for (Map.Entry<PublicKey, Long> e : balances.entrySet()) {
            if (e.getValue() < 0) {
                throw new IllegalArgumentException("account " + e.getKey() + ": negative balance");
            }
            sum = Math.addExact(sum, e.getValue());
        }
        if (sum != totalSupply) {
            throw new IllegalArgumentException("total supply " + totalSupply + " is not the sum of balances " + sum);
        }
    }

    public static BankGenesis parse(Map<String, Object> params) {
        for (String key : params.keySet()) {
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException("app." + key + ": unknown bank parameter (known: "
                        + new TreeSet<>(KNOWN) + ")");
            }
        }
        Map<PublicKey, Long> balances = new LinkedHashMap<>();
        addDemoAccounts(params, balances);
        if (params.containsKey("accounts")) {
            addListedAccounts(params.get("accounts"), balances);
        }
        if (balances.isEmpty()) {
            throw new IllegalArgumentException("app: a bank needs app.accounts or app.demo_accounts");
        }
        long supply = 0;
        for (long balance : balances.values()) {
            try {
                supply = Math.addExact(supply, balance);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("app: total supply exceeds 2^63-1", e);
            }
        }
        return new BankGenesis(balances, supply);
    }

    private static void addDemoAccounts(Map<String, Object> params, Map<PublicKey, Long> balances) {
        boolean hasCount = params.containsKey("demo_accounts");
        if (hasCount != params.containsKey("demo_balance")) {
            throw new IllegalArgumentException(hasCount ? "app.demo_balance: required with app.demo_accounts"
                    : "app.demo_balance: needs app.demo_accounts");
        }
        if (!hasCount) {
            return;
        }
        long count = integral(params.get("demo_accounts"), "app.demo_accounts");
        if (count < 0 || count > MAX_DEMO_ACCOUNTS) {
            throw new IllegalArgumentException("app.demo_accounts: " + count + " outside 0.." + MAX_DEMO_ACCOUNTS);
        }
        long balance = integral(params.get("demo_balance"), "app.demo_balance");
        if (balance < 0) {
            throw new IllegalArgumentException("app.demo_balance: negative balance");
        }
        for (int i = 0; i < count; i++) {
            balances.put(BankDemoAccounts.keyPair(i).publicKey(), balance);
        }
    }

    private static void addListedAccounts(Object value, Map<PublicKey, Long> balances) {
        if (!(value instanceof Map<?, ?> accounts)) {
            throw new IllegalArgumentException("app.accounts: must be an object of hex public key to balance");
        }
        for (Map.Entry<?, ?> e : accounts.entrySet()) {
            String field = "app.accounts." + e.getKey();
            PublicKey key = publicKey(String.valueOf(e.getKey()), field);
            long balance = integral(e.getValue(), field);
            if (balance < 0) {
                throw new IllegalArgumentException(field + ": negative balance");
            }
            if (balances.putIfAbsent(key, balance) != null) {
                throw new IllegalArgumentException(field + ": account listed twice (or is a demo account)");
            }
        }
    }

    private static PublicKey publicKey(String hex, String field) {
        try {
            Bytes b = Bytes.fromHex(hex);
            if (b.length() == PublicKey.LENGTH) {
                return new PublicKey(b);
            }
        } catch (IllegalArgumentException e) {
            // falls through to the one message below
        }
        throw new IllegalArgumentException(field + ": not a 32-byte public key in hex");
    }

    /** Any integral JSON number that fits a long; fractions, NaN and non-numbers are rejected. */
    static long integral(Object value, String field) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        BigDecimal exact;
        try {
            if (value instanceof BigDecimal d) {
                exact = d;
            } else if (value instanceof BigInteger i) {
                exact = new BigDecimal(i);
            } else if (value instanceof Double || value instanceof Float) {
                exact = new BigDecimal(((Number) value).doubleValue()); // throws for NaN and infinities
            } else if (value instanceof Number n) {
                exact = new BigDecimal(n.toString());
            } else {
                throw new IllegalArgumentException(field + ": must be an integer, got "
                        + (value == null ? "null" : value.getClass().getSimpleName()));
            }
            return exact.toBigIntegerExact().longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(field + ": must be an integer in the signed 64-bit range, got " + value, e);
        }
    }
}
