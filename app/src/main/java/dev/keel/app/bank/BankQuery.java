package dev.keel.app.bank;

import dev.keel.app.QueryResult;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The bank's read API:
 * <ul>
 *   <li>{@code bank/balance/<hex key>} → {@code {"account": hex, "balance": n}}, or NOT_FOUND;</li>
 *   <li>{@code bank/supply} → {@code {"total": n, "accounts": count}};</li>
 *   <li>{@code bank/demo/<i>} → demo account {@code i}'s public key as a hex string, for scripts
 *       (derived on the fly, whether or not the genesis funded it).</li>
 * </ul>
 */
final class BankQuery {
    private static final String BALANCE = "bank/balance/";
    private static final String DEMO = "bank/demo/";

    private BankQuery() {
    }

    static QueryResult answer(BankApp bank, String path) {
        if (path.startsWith(BALANCE)) {
            return balance(bank, path.substring(BALANCE.length()));
        }
        if (path.equals("bank/supply")) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("total", bank.totalSupply());
            out.put("accounts", bank.accounts());
            return QueryResult.ok(out);
        }
        if (path.startsWith(DEMO)) {
            return demo(path.substring(DEMO.length()));
        }
        return QueryResult.badRequest("expected bank/balance/<hex key>, bank/supply or bank/demo/<i>, got '"
                + path + "'");
    }

    private static QueryResult balance(BankApp bank, String hex) {
        PublicKey key;
        try {
            Bytes b = Bytes.fromHex(hex);
            if (b.length() != PublicKey.LENGTH) {
                return QueryResult.badRequest("an account is a 32-byte public key, got " + b.length() + " bytes");
            }
            key = new PublicKey(b);
        } catch (IllegalArgumentException e) {
            return QueryResult.badRequest("an account is 64 hex digits");
        }
        Optional<Long> balance = bank.balance(key);
        return balance.isEmpty() ? QueryResult.notFound("no account " + key.bytes().toHex())
                : QueryResult.ok(account(key, balance.get()));
    }

    private static QueryResult demo(String index) {
        int i;
        try {
            i = Integer.parseInt(index);
        } catch (NumberFormatException e) {
            return QueryResult.badRequest("demo account index must be a non-negative integer");
        }
        if (i < 0) {
            return QueryResult.badRequest("demo account index must be a non-negative integer");
        }
        return QueryResult.ok(BankDemoAccounts.keyPair(i).publicKey().bytes().toHex());
    }

    private static Map<String, Object> account(PublicKey key, long balance) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("account", key.bytes().toHex());
        out.put("balance", balance);
        return out;
    }
}
