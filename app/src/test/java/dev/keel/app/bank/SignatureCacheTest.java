package dev.keel.app.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.app.BlockInfo;
import dev.keel.app.TxResult;
import dev.keel.consensus.crypto.KeyPair;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every signature is verified on every validator, but at most once per validator when possible. */
class SignatureCacheTest {
    private static final KeyPair ALICE = BankDemoAccounts.keyPair(0);
    private static final KeyPair BOB = BankDemoAccounts.keyPair(1);
    private static final Map<String, Object> GENESIS = Map.of("demo_accounts", 2, "demo_balance", 1_000);

    @Test
    void aTransferCheckedAtAdmissionIsNotVerifiedAgainAtExecution() {
        BankApp bank = BankApp.fromParams(GENESIS);
        Bytes tx = Transfer.sign(ALICE, BOB.publicKey(), 1, 0, 0);
        assertTrue(bank.check(tx).accepted());
        assertEquals(1, bank.signatureVerifications());
        assertTrue(bank.check(tx).accepted(), "the mempool re-checks after each commit");
        assertEquals(1, bank.signatureVerifications(), "a re-check hits the cache");
        assertEquals(List.of(TxResult.ok()), bank.execute(new BlockInfo(1, Hash.ZERO, 0), List.of(tx)).results());
        assertEquals(1, bank.signatureVerifications(), "execution used the admission verdict");
        assertEquals(0, bank.cachedVerifications(), "execution consumes the entry: a tx executes once");
    }

    @Test
    void aTransferThisValidatorNeverCheckedIsVerifiedAtExecution() {
        BankApp bank = BankApp.fromParams(GENESIS);
        Bytes honest = Transfer.sign(ALICE, BOB.publicKey(), 1, 0, 0);
        byte[] forged = Transfer.sign(ALICE, BOB.publicKey(), 2, 0, 0).toArray();
        forged[forged.length - 1] ^= 0x01;
        var results = bank.execute(new BlockInfo(1, Hash.ZERO, 0), List.of(honest, Bytes.wrap(forged))).results();
        assertEquals(List.of(TxResult.OK, BankApp.BAD_SIGNATURE), results.stream().map(TxResult::code).toList());
        assertEquals(2, bank.signatureVerifications());
        assertEquals(999, bank.balance(ALICE.publicKey()).orElseThrow());
    }

    @Test
    void aFailedCheckIsNotCachedSoExecutionStillRejects() {
        BankApp bank = BankApp.fromParams(GENESIS);
        byte[] forged = Transfer.sign(ALICE, BOB.publicKey(), 2, 0, 0).toArray();
        forged[forged.length - 1] ^= 0x01;
        assertEquals(BankApp.BAD_SIGNATURE, bank.check(Bytes.wrap(forged)).code());
        assertEquals(0, bank.cachedVerifications());
        assertEquals(BankApp.BAD_SIGNATURE,
                bank.execute(new BlockInfo(1, Hash.ZERO, 0), List.of(Bytes.wrap(forged))).results().get(0).code());
        assertEquals(2, bank.signatureVerifications());
    }

    @Test
    void evictedEntriesAreVerifiedAgainAtExecution() {
        BankApp bank = new BankApp(BankGenesis.parse(GENESIS), 4);
        List<Bytes> txs = new ArrayList<>();
        for (int nonce = 0; nonce < 10; nonce++) {
            Bytes tx = Transfer.sign(ALICE, BOB.publicKey(), 1, nonce, 0);
            assertTrue(bank.check(tx).accepted());
            txs.add(tx);
        }
        assertEquals(10, bank.signatureVerifications());
        assertTrue(bank.cachedVerifications() <= 4, "bounded: " + bank.cachedVerifications());
        bank.execute(new BlockInfo(1, Hash.ZERO, 0), txs);
        long reverified = bank.signatureVerifications() - 10;
        assertEquals(10 - 4, reverified, "only the 4 newest survive: two generations of 2");
        assertEquals(990, bank.balance(ALICE.publicKey()).orElseThrow());
    }

    @Test
    void theCacheKeepsBetweenOneAndTwoGenerations() {
        VerifiedTxCache cache = new VerifiedTxCache(100);
        List<Hash> hashes = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Hash h = Hash.of(new byte[] {(byte) i, (byte) (i >> 8)});
            hashes.add(h);
            cache.add(h);
            assertTrue(cache.size() <= 100, "size " + cache.size());
        }
        for (int i = 950; i < 1_000; i++) {
            assertTrue(cache.contains(hashes.get(i)), "the newest generation is kept");
        }
        assertFalse(cache.contains(hashes.get(0)));
        assertTrue(cache.remove(hashes.get(999)));
        assertFalse(cache.contains(hashes.get(999)));
        assertFalse(cache.remove(hashes.get(999)));
    }
}
