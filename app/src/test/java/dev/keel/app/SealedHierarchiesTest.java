package dev.keel.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.app.bank.BankApp;
import dev.keel.app.bank.BankDemoAccounts;
import dev.keel.app.bank.Transfer;
import dev.keel.app.bank.TransferDecoded;
import dev.keel.app.kv.KvApp;
import dev.keel.app.kv.KvDecoded;
import dev.keel.app.kv.KvOp;
import dev.keel.app.kv.KvTx;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md: every case of a sealed hierarchy is handled. Each permitted subclass is produced
 * by a sample transaction, and executing the samples reaches no {@code AssertionError}.
 */
class SealedHierarchiesTest {
    @Test
    void everyKvDecodingIsSampledAndExecuted() {
        List<Bytes> samples = List.of(KvTx.set(new byte[] {1}, new byte[] {2}), KvTx.append(new byte[] {1}, new byte[] {3}),
                KvTx.delete(new byte[] {1}), Bytes.fromHex("ff"));
        Set<Class<?>> produced = new HashSet<>();
        for (Bytes tx : samples) {
            produced.add(KvTx.decode(tx).getClass());
        }
        assertEquals(leaves(KvDecoded.class), produced);
        var results = new KvApp().execute(new BlockInfo(1, Hash.ZERO, 0), samples).results();
        assertEquals(samples.size(), results.size());
    }

    @Test
    void everyTransferDecodingIsSampledAndExecuted() {
        List<Bytes> samples = List.of(Transfer.sign(BankDemoAccounts.keyPair(0), BankDemoAccounts.keyPair(1).publicKey(), 1, 0, 0),
                Bytes.fromHex("00"));
        Set<Class<?>> produced = new HashSet<>();
        for (Bytes tx : samples) {
            produced.add(Transfer.decode(tx).getClass());
        }
        assertEquals(leaves(TransferDecoded.class), produced);
        BankApp bank = BankApp.fromParams(Map.of("demo_accounts", 1, "demo_balance", 1));
        var results = bank.execute(new BlockInfo(1, Hash.ZERO, 0), samples).results();
        assertEquals(List.of(TxResult.OK, BankApp.MALFORMED), results.stream().map(TxResult::code).toList());
    }

    /** The concrete classes at the bottom of a sealed hierarchy, through nested sealed interfaces. */
    private static Set<Class<?>> leaves(Class<?> root) {
        Set<Class<?>> out = new HashSet<>();
        if (!root.isSealed()) {
            out.add(root);
            return out;
        }
        Arrays.stream(root.getPermittedSubclasses()).forEach(c -> out.addAll(leaves(c)));
        return out;
    }

    @Test
    void kvOpsAreTheThreeDocumentedOperations() {
        assertEquals(Set.of(KvOp.Set.class, KvOp.Append.class, KvOp.Delete.class), leaves(KvOp.class));
    }
}
