package dev.keel.app.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.app.BlockInfo;
import dev.keel.app.BlockResult;
import dev.keel.app.QueryResult;
import dev.keel.app.TxResult;
import dev.keel.consensus.crypto.KeyPair;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random transfers among demo accounts (and two never-funded keys): the total supply never
 * changes, no balance goes negative, and the bank agrees with a plain model of the rules.
 * Signing dominates the cost, so the try count is modest.
 */
class BankConservationPropertiesTest {
    private static final int FUNDED = 4;
    private static final List<KeyPair> KEYS = new ArrayList<>();
    private static final long BALANCE = 50;

    static {
        for (int i = 0; i < FUNDED + 2; i++) {
            KEYS.add(BankDemoAccounts.keyPair(i));
        }
    }

    private record Spec(int from, int to, long amount, long nonce) {
    }

    @Provide
    Arbitrary<List<List<Spec>>> blocks() {
        Arbitrary<Spec> spec = Combinators.combine(
                Arbitraries.integers().between(0, KEYS.size() - 1),
                Arbitraries.integers().between(0, KEYS.size() - 1),
                Arbitraries.longs().between(1, 80), // sometimes more than a balance
                Arbitraries.longs()).as(Spec::new);
        return spec.list().ofMaxSize(12).list().ofMinSize(1).ofMaxSize(5);
    }

    @Property(tries = 60)
    void supplyIsConservedAndBalancesStayNonNegative(@ForAll("blocks") List<List<Spec>> blocks) {
        Map<String, Object> genesis = Map.of("demo_accounts", FUNDED, "demo_balance", BALANCE);
        BankApp bank = BankApp.fromParams(genesis);
        BankApp replica = BankApp.fromParams(genesis);
        Map<PublicKey, Long> model = new HashMap<>();
        for (int i = 0; i < FUNDED; i++) {
            model.put(KEYS.get(i).publicKey(), BALANCE);
        }
        for (int h = 0; h < blocks.size(); h++) {
            List<Bytes> txs = new ArrayList<>();
            for (Spec s : blocks.get(h)) {
                txs.add(Transfer.sign(KEYS.get(s.from()), KEYS.get(s.to()).publicKey(), s.amount(), s.nonce(), 0));
                bank.check(txs.get(txs.size() - 1)); // warms the cache for some txs only on this replica
            }
            BlockResult r = bank.execute(new BlockInfo(h + 1, Hash.ZERO, 0), txs);
            assertEquals(r, replica.execute(new BlockInfo(h + 1, Hash.ZERO, 0), txs), "replicas agree");
            for (int i = 0; i < txs.size(); i++) {
                assertEquals(expected(model, blocks.get(h).get(i)), r.results().get(i).code());
            }
            assertEquals(FUNDED * BALANCE, bank.sumOfBalances());
            assertEquals(QueryResult.ok(Map.of("total", FUNDED * BALANCE, "accounts", model.size())),
                    bank.query("bank/supply", Map.of()));
            for (KeyPair k : KEYS) {
                assertEquals(model.get(k.publicKey()), bank.balance(k.publicKey()).orElse(null));
                assertTrue(bank.balance(k.publicKey()).orElse(0L) >= 0);
            }
        }
    }

    /** The rules written the obvious way, applied to the model as a side effect. */
    private static String expected(Map<PublicKey, Long> model, Spec s) {
        PublicKey from = KEYS.get(s.from()).publicKey();
        PublicKey to = KEYS.get(s.to()).publicKey();
        if (from.equals(to)) {
            return BankApp.SELF_TRANSFER;
        }
        Long balance = model.get(from);
        if (balance == null) {
            return BankApp.UNKNOWN_ACCOUNT;
        }
        if (balance < s.amount()) {
            return BankApp.INSUFFICIENT_FUNDS;
        }
        model.put(from, balance - s.amount());
        model.merge(to, s.amount(), Long::sum);
        return TxResult.OK;
    }
}
