package dev.keel.node.chain;

import dev.keel.app.TxResult;
import dev.keel.consensus.types.Hash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks what validators executed against what clients were told:
 * <ul>
 *   <li><b>agreement</b> — at every height all validators have the same block, the same
 *       per-transaction outcomes and the same state root;</li>
 *   <li><b>exactly once</b> — no transaction hash is applied (any outcome other than
 *       {@code duplicate}) at two places of the chain;</li>
 *   <li><b>no loss</b> — every transaction a validator accepted is in the chain.</li>
 * </ul>
 * Returns the violations found (empty = the history is good).
 */
public final class TxHistory {
    private TxHistory() {
    }

    public static List<String> violations(List<List<BlockView>> chains, Set<Hash> accepted) {
        List<String> out = new ArrayList<>();
        Map<Long, BlockView> reference = new HashMap<>();
        for (int v = 0; v < chains.size(); v++) {
            for (BlockView b : chains.get(v)) {
                BlockView first = reference.putIfAbsent(b.block().height(), b);
                if (first == null) {
                    continue;
                }
                long h = b.block().height();
                if (!first.block().id().equals(b.block().id())) {
                    out.add("validators disagree on the block at height " + h);
                } else if (first.execution().isPresent() && b.execution().isPresent()
                        && !first.execution().get().equals(b.execution().get())) {
                    out.add("validator " + v + " executed height " + h + " differently (results or state root)");
                }
            }
        }
        Map<Hash, Long> appliedAt = new HashMap<>();
        for (BlockView b : reference.values().stream().sorted((x, y) -> Long.compare(x.block().height(), y.block().height())).toList()) {
            List<TxResult> results = b.execution().map(BlockView.Execution::results).orElse(null);
            for (int i = 0; i < b.txHashes().size(); i++) {
                if (results != null && TxResult.DUPLICATE.equals(results.get(i).code())) {
                    continue;
                }
                Long earlier = appliedAt.putIfAbsent(b.txHashes().get(i), b.block().height());
                if (earlier != null) {
                    out.add("transaction " + b.txHashes().get(i).shortHex() + " applied twice, at heights " + earlier
                            + " and " + b.block().height());
                }
            }
        }
        for (Hash h : accepted) {
            if (!appliedAt.containsKey(h)) {
                out.add("accepted transaction " + h.shortHex() + " is not in the chain (lost)");
            }
        }
        return out;
    }
}
