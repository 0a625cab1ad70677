package dev.keel.app.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.app.BlockInfo;
import dev.keel.app.BlockResult;
import dev.keel.app.CheckResult;
import dev.keel.app.QueryResult;
import dev.keel.app.TxResult;
import dev.keel.consensus.crypto.KeyPair;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BankAppTest {
    private static final KeyPair ALICE = BankDemoAccounts.keyPair(0);
    private static final KeyPair BOB = BankDemoAccounts.keyPair(1);
    private static final KeyPair CAROL = BankDemoAccounts.keyPair(2); // not funded by the genesis
    private static final Map<String, Object> GENESIS = Map.of("demo_accounts", 2, "demo_balance", 100);

    private final BankApp bank = BankApp.fromParams(GENESIS);
    /** Receives the same blocks minus the transactions expected to be rejected. */
    private final BankApp twin = BankApp.fromParams(GENESIS);
    private long height;

    private BlockResult run(List<Bytes> txs, List<Bytes> applied) {
        height++;
        BlockResult r = bank.execute(new BlockInfo(height, Hash.ZERO, 0), txs);
        assertEquals(r.stateRoot(), twin.execute(new BlockInfo(height, Hash.ZERO, 0), applied).stateRoot(),
                "rejected transfers must leave no trace in the root");
        return r;
    }

    private long balance(KeyPair k) {
        return bank.balance(k.publicKey()).orElseThrow();
    }

    @Test
    void aTransferMovesFundsAndOpensTheNewAccount() {
        Bytes tx = Transfer.sign(ALICE, CAROL.publicKey(), 30, 0, 0);
        assertEquals(CheckResult.ok(0), bank.check(tx));
        assertEquals(List.of(TxResult.ok()), run(List.of(tx), List.of(tx)).results());
        assertEquals(70, balance(ALICE));
        assertEquals(30, balance(CAROL));
        assertEquals(3, bank.accounts());
        assertEquals(200, bank.sumOfBalances());
        // The new account can spend.
        Bytes back = Transfer.sign(CAROL, BOB.publicKey(), 30, 0, 0);
        assertEquals(List.of(TxResult.ok()), run(List.of(back), List.of(back)).results());
        assertEquals(0, balance(CAROL));
        assertEquals(130, balance(BOB));
    }

    @Test
    void theNonceMakesOtherwiseIdenticalTransfersDistinct() {
        Bytes first = Transfer.sign(ALICE, BOB.publicKey(), 10, 0, 0);
        Bytes second = Transfer.sign(ALICE, BOB.publicKey(), 10, 1, 0);
        assertTrue(!first.equals(second));
        run(List.of(first, second), List.of(first, second));
        assertEquals(80, balance(ALICE));
    }

    @Test
    void forgedSignaturesAreRejectedAndChangeNothing() {
        byte[] flipped = Transfer.sign(ALICE, BOB.publicKey(), 10, 0, 0).toArray();
        flipped[flipped.length - 40] ^= 1;
        Bytes bitFlip = Bytes.wrap(flipped);
        // Mallory signs with her own key but names Alice as the payer.
        byte[] impostor = Transfer.sign(CAROL, BOB.publicKey(), 10, 0, 0).toArray();
        System.arraycopy(ALICE.publicKey().bytes().unsafeArray(), 0, impostor, 0, 32);
        Bytes stolen = Bytes.wrap(impostor);
        // A valid transfer whose amount was raised after signing.
        byte[] raised = Transfer.sign(ALICE, BOB.publicKey(), 1, 0, 0).toArray();
        raised[71] = 50;
        Bytes tampered = Bytes.wrap(raised);
        for (Bytes tx : List.of(bitFlip, stolen, tampered)) {
            assertEquals(BankApp.BAD_SIGNATURE, bank.check(tx).code());
        }
        BlockResult r = run(List.of(bitFlip, stolen, tampered), List.of());
        assertEquals(List.of(BankApp.BAD_SIGNATURE, BankApp.BAD_SIGNATURE, BankApp.BAD_SIGNATURE),
                r.results().stream().map(TxResult::code).toList());
        assertEquals(100, balance(ALICE));
        assertEquals(100, balance(BOB));
    }

    @Test
    void insufficientFundsAreRejectedAndNothingChanges() {
        Bytes tooMuch = Transfer.sign(ALICE, BOB.publicKey(), 101, 0, 0);
        assertEquals(BankApp.INSUFFICIENT_FUNDS, bank.check(tooMuch).code());
        Bytes all = Transfer.sign(ALICE, CAROL.publicKey(), 100, 0, 0);
        Bytes oneMore = Transfer.sign(ALICE, BOB.publicKey(), 1, 1, 0); // fine at check, not after `all`
        assertTrue(bank.check(oneMore).accepted());
        BlockResult r = run(List.of(tooMuch, all, oneMore), List.of(all));
        assertEquals(List.of(BankApp.INSUFFICIENT_FUNDS, TxResult.OK, BankApp.INSUFFICIENT_FUNDS),
                r.results().stream().map(TxResult::code).toList());
        assertEquals(0, balance(ALICE));
        assertEquals(100, balance(BOB));
        assertEquals(100, balance(CAROL));
        assertEquals(BankApp.INSUFFICIENT_FUNDS, bank.check(oneMore).code(), "check reads the executed state");
    }

    @Test
    void selfTransfersUnknownPayersAndMalformedBytesAreRejected() {
        Bytes self = Transfer.sign(ALICE, ALICE.publicKey(), 1, 0, 0);
        Bytes unknown = Transfer.sign(CAROL, ALICE.publicKey(), 1, 0, 0);
        Bytes junk = Bytes.fromHex("00ff");
        assertEquals(BankApp.SELF_TRANSFER, bank.check(self).code());
        assertEquals(BankApp.UNKNOWN_ACCOUNT, bank.check(unknown).code());
        assertEquals(BankApp.MALFORMED, bank.check(junk).code());
        BlockResult r = run(List.of(self, unknown, junk), List.of());
        assertEquals(List.of(BankApp.SELF_TRANSFER, BankApp.UNKNOWN_ACCOUNT, BankApp.MALFORMED),
                r.results().stream().map(TxResult::code).toList());
        assertEquals(Optional.empty(), bank.balance(CAROL.publicKey()), "a rejected transfer opens no account");
        assertEquals(2, bank.accounts());
    }

    @Test
    void checkNeverChangesState() {
        Hash root = bank.stateRoot();
        assertTrue(bank.check(Transfer.sign(ALICE, CAROL.publicKey(), 100, 0, 0)).accepted());
        assertEquals(root, bank.stateRoot());
        assertEquals(100, balance(ALICE));
        assertEquals(Optional.empty(), bank.balance(CAROL.publicKey()));
    }

    @Test
    void queriesAnswerBalancesSupplyAndDemoKeys() {
        String alice = ALICE.publicKey().bytes().toHex();
        assertEquals(QueryResult.ok(Map.of("account", alice, "balance", 100L)),
                bank.query("bank/balance/" + alice.toUpperCase(), Map.of()));
        assertEquals(QueryResult.ok(Map.of("total", 200L, "accounts", 2)), bank.query("bank/supply", Map.of()));
        assertEquals(QueryResult.ok(CAROL.publicKey().bytes().toHex()), bank.query("bank/demo/2", Map.of()));
        assertEquals(QueryResult.Status.NOT_FOUND,
                bank.query("bank/balance/" + CAROL.publicKey().bytes().toHex(), Map.of()).status());
        for (String bad : List.of("bank/balance/zz", "bank/balance/00", "bank/balance/", "bank/demo/-1",
                "bank/demo/x", "bank/demo/99999999999", "bank", "bank/supply/x", "kv/a")) {
            assertEquals(QueryResult.Status.BAD_REQUEST, bank.query(bad, Map.of()).status(), bad);
        }
    }

    @Test
    void demoAccountsAreTheDocumentedDerivation() {
        byte[] seed = dev.keel.consensus.crypto.Sha256.digest("keel/bank/demo-account/7".getBytes());
        PublicKey expected = new dev.keel.consensus.crypto.Ed25519().keyPair(seed).publicKey();
        assertEquals(expected, BankDemoAccounts.keyPair(7).publicKey());
        assertEquals(BankDemoAccounts.keyPair(7), BankDemoAccounts.keyPair(7));
    }
}
