package dev.keel.node.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.app.QueryResult;
import dev.keel.app.kv.KvTx;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import dev.keel.mempool.Admission;
import dev.keel.node.chain.BlockView;
import dev.keel.node.chain.TxHistory;
import dev.keel.node.chain.TxStatus;
import dev.keel.node.genesis.NodeSetup;
import dev.keel.node.testnet.TestnetLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transactions end to end on four in-process validators (real sockets, real LMDB): submitted
 * to any validator they are forwarded, proposed, committed and executed exactly once
 * everywhere — including the same transaction sent to every validator — with identical
 * results and state roots; a restarted validator rebuilds the same state by replay.
 */
class TxFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final List<ValidatorNode> nodes = new ArrayList<>();
    private TestnetLayout layout;

    @TempDir
    Path dir;

    @AfterEach
    void stopAll() {
        nodes.stream().filter(n -> n != null).forEach(ValidatorNode::close);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }

    private static Bytes set(String key, String value) {
        return KvTx.set(key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    }

    private boolean committedEverywhere(Hash h) {
        return nodes.stream().allMatch(n -> n.chain().tx(h) instanceof TxStatus.Committed c && !"executing".equals(c.result().code()));
    }

    @Test
    void transactionsCommitExactlyOnceWithTheSameStateEverywhere() throws Exception {
        layout = TestnetLayout.prepare(dir.resolve("net"), 4);
        for (int i = 0; i < 4; i++) {
            nodes.add(ValidatorNode.start(NodeSetup.load(layout.config(i))));
        }
        Set<Hash> accepted = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Admission a = nodes.get(i % 4).chain().submit(set("k" + i, "v" + i), "client-" + (i % 3));
            assertTrue(a instanceof Admission.Accepted, a.toString());
            accepted.add(a.hash());
        }
        // The same transactions sent to every validator: one is applied, the others are duplicates.
        for (int i = 0; i < 20; i++) {
            Bytes tx = set("same" + i, "x");
            for (ValidatorNode n : nodes) {
                Admission a = n.chain().submit(tx, "client-everywhere");
                accepted.add(a.hash());
            }
        }
        await("every accepted transaction is committed and executed on every validator",
                () -> accepted.stream().allMatch(this::committedEverywhere));

        for (Hash h : accepted) {
            var first = (TxStatus.Committed) nodes.get(0).chain().tx(h);
            assertEquals("ok", first.result().code(), "applied: " + h);
            for (ValidatorNode n : nodes) {
                var c = (TxStatus.Committed) n.chain().tx(h);
                assertEquals(first.height(), c.height());
                assertEquals(first.index(), c.index());
            }
        }
        QueryResult q = nodes.get(2).chain().query("kv/k7", Map.of());
        assertEquals(QueryResult.Status.OK, q.status(), q.toString());
        assertTrue(q.value().toString().contains("v7"), q.value().toString());

        long h = nodes.stream().mapToLong(n -> n.chain().executor().executedHeight()).min().orElseThrow();
        assertEquals(List.of(), TxHistory.violations(chains(h), accepted));

        // Restart one validator: it replays the chain and reaches the same state root.
        nodes.get(1).close();
        nodes.set(1, ValidatorNode.start(NodeSetup.load(layout.config(1))));
        await("the restarted validator re-executed up to " + h, () -> nodes.get(1).chain().executor().executedHeight() >= h);
        assertEquals(root(0, h), root(1, h), "same state root after replay");
        assertEquals(List.of(), TxHistory.violations(chains(h), accepted));
    }

    private Hash root(int node, long height) {
        return nodes.get(node).chain().block(height).orElseThrow().execution().orElseThrow().stateRoot();
    }

    private List<List<BlockView>> chains(long upTo) {
        List<List<BlockView>> out = new ArrayList<>();
        for (ValidatorNode n : nodes) {
            List<BlockView> chain = new ArrayList<>();
            for (long x = 1; x <= upTo; x += 100) {
                chain.addAll(n.chain().blocks(x, (int) Math.min(100, upTo - x + 1)));
            }
            out.add(chain);
        }
        return out;
    }
}
