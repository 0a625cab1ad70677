package dev.keel.app.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.PublicKey;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Genesis parameters are operator input: accept every JSON number shape, reject with the field's name. */
class BankGenesisTest {
    private static final String K1 = "11".repeat(32);
    private static final String K2 = "22".repeat(32);
    private static final String K3 = "33".repeat(32);
    private static final String K4 = "44".repeat(32);

    private static PublicKey key(String hex) {
        return new PublicKey(Bytes.fromHex(hex));
    }

    @Test
    void listedAccountsAcceptAnyIntegralNumberType() {
        Map<String, Object> accounts = new LinkedHashMap<>();
        accounts.put(K1, 5);
        accounts.put(K2, 6L);
        accounts.put(K3, new BigInteger("7"));
        accounts.put(K4, new BigDecimal("8.000"));
        accounts.put("55".repeat(32), 9.0d);
        BankGenesis g = BankGenesis.parse(Map.of("accounts", accounts));
        assertEquals(5 + 6 + 7 + 8 + 9, g.totalSupply());
        assertEquals(8L, g.balances().get(key(K4)));
        assertEquals(5, g.balances().size());
    }

    @Test
    void demoAccountsAndListedAccountsCombine() {
        BankGenesis g = BankGenesis.parse(Map.of("demo_accounts", 3, "demo_balance", new BigInteger("1000"),
                "accounts", Map.of(K1.toUpperCase(), 1)));
        assertEquals(3_001, g.totalSupply());
        assertEquals(1_000L, g.balances().get(BankDemoAccounts.keyPair(2).publicKey()));
        assertEquals(1L, g.balances().get(key(K1)), "hex keys are case-insensitive");
        BankApp bank = new BankApp(g);
        assertEquals(3_001, bank.sumOfBalances());
        assertEquals(4, bank.accounts());
    }

    @Test
    void badParametersNameTheField() {
        assertError(Map.of("accounts", Map.of(K1, -1)), "app.accounts." + K1 + ": negative balance");
        assertError(Map.of("accounts", Map.of(K1, 1.5)), "app.accounts." + K1 + ": must be an integer");
        assertError(Map.of("accounts", Map.of(K1, new BigDecimal("2.5"))), "app.accounts." + K1 + ": must be an integer");
        assertError(Map.of("accounts", Map.of(K1, new BigInteger("9223372036854775808"))),
                "app.accounts." + K1 + ": must be an integer");
        assertError(Map.of("accounts", Map.of(K1, "100")), "app.accounts." + K1 + ": must be an integer, got String");
        assertError(Map.of("accounts", Map.of(K1, Double.NaN)), "app.accounts." + K1 + ": must be an integer");
        assertError(Map.of("accounts", Map.of("abc", 1)), "app.accounts.abc: not a 32-byte public key in hex");
        assertError(Map.of("accounts", Map.of("11", 1)), "app.accounts.11: not a 32-byte public key in hex");
        assertError(Map.of("accounts", List.of(K1)), "app.accounts: must be an object");
        assertError(Map.of("accounts", Map.of("aa".repeat(32), 1, "AA".repeat(32), 2)), "account listed twice");
        assertError(Map.of("accounts", Map.of(K1, Long.MAX_VALUE, K2, 1)), "app: total supply exceeds 2^63-1");
        assertError(Map.of("demo_accounts", 2), "app.demo_balance: required with app.demo_accounts");
        assertError(Map.of("demo_balance", 2), "app.demo_balance: needs app.demo_accounts");
        assertError(Map.of("demo_accounts", -1, "demo_balance", 1), "app.demo_accounts: -1 outside 0..100000");
        assertError(Map.of("demo_accounts", 1, "demo_balance", -1), "app.demo_balance: negative balance");
        assertError(Map.of("demo_accounts", 1.25, "demo_balance", 1), "app.demo_accounts: must be an integer");
        assertError(Map.of("demo_acounts", 1), "app.demo_acounts: unknown bank parameter");
        assertError(Map.of(), "app: a bank needs app.accounts or app.demo_accounts");
        String demo0 = BankDemoAccounts.keyPair(0).publicKey().bytes().toHex();
        assertError(Map.of("demo_accounts", 1, "demo_balance", 1, "accounts", Map.of(demo0, 1)),
                "app.accounts." + demo0 + ": account listed twice (or is a demo account)");
    }

    private static void assertError(Map<String, Object> params, String expectedStart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BankGenesis.parse(params));
        if (!e.getMessage().startsWith(expectedStart) && !e.getMessage().contains(expectedStart)) {
            assertEquals(expectedStart, e.getMessage());
        }
    }

    @Test
    void theRecordItselfRejectsAnInconsistentSupply() {
        assertThrows(IllegalArgumentException.class, () -> new BankGenesis(Map.of(key(K1), 5L), 6));
        assertThrows(IllegalArgumentException.class, () -> new BankGenesis(Map.of(key(K1), -5L), -5));
    }
}
