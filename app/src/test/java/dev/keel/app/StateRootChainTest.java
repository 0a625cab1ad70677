package dev.keel.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keel.app.kv.KvApp;
import dev.keel.app.kv.KvTx;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The root formula is consensus-critical: every validator must compute it bit for bit. */
class StateRootChainTest {
    @Test
    void rootIsTheDocumentedHashChain() throws Exception {
        StateRootChain chain = new StateRootChain("demo");
        assertEquals(Hash.ZERO, chain.root());
        chain.beginBlock(1);
        chain.write(new byte[] {1, 2});
        chain.writeInt(0x0A0B0C0D);
        chain.writeLong(-1L);
        Hash root1 = chain.endBlock();

        MessageDigest writes = MessageDigest.getInstance("SHA-256");
        byte[] writesDigest = writes.digest(Bytes.fromHex("0102" + "0a0b0c0d" + "ffffffffffffffff").toArray());
        MessageDigest link = MessageDigest.getInstance("SHA-256");
        link.update("keel/app/demo/root".getBytes(UTF_8));
        link.update(Hash.ZERO.bytes().toArray());
        link.update(ByteBuffer.allocate(8).putLong(1).array());
        link.update(writesDigest);
        assertEquals(new Hash(Bytes.wrap(link.digest())), root1);
        assertEquals(root1, chain.root());
        assertEquals(1, chain.height());
    }

    @Test
    void theAppNameSeparatesChains() {
        StateRootChain a = new StateRootChain("kv");
        StateRootChain b = new StateRootChain("bank");
        a.beginBlock(1);
        b.beginBlock(1);
        assertNotEquals(a.endBlock(), b.endBlock());
    }

    @Test
    void kvFeedsItsAppliedTransactionsLengthPrefixed() throws Exception {
        Bytes tx = KvTx.set("k".getBytes(UTF_8), "v".getBytes(UTF_8));
        Hash root = new KvApp().execute(new BlockInfo(1, Hash.ZERO, 0), List.of(tx)).stateRoot();
        byte[] writes = MessageDigest.getInstance("SHA-256")
                .digest(ByteBuffer.allocate(4 + tx.length()).putInt(tx.length()).put(tx.toArray()).array());
        assertEquals(StateRootChain.next("keel/app/kv/root".getBytes(UTF_8), Hash.ZERO, 1, writes), root);
    }

    @Test
    void misuseFailsFast() {
        StateRootChain chain = new StateRootChain("demo");
        assertThrows(IllegalStateException.class, () -> chain.beginBlock(0));
        assertThrows(IllegalStateException.class, () -> chain.beginBlock(2));
        assertThrows(IllegalStateException.class, chain::endBlock);
        chain.beginBlock(1);
        assertThrows(IllegalStateException.class, () -> chain.beginBlock(1));
        chain.endBlock();
        assertEquals(1, chain.height());
    }
}
