package dev.keel.node.http;

import dev.keel.checkpoint.Checkpoint;
import dev.keel.checkpoint.EthAddress;
import dev.keel.node.checkpoint.CheckpointInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A checkpoint as JSON: the signed fields as the contract holds them (hashes as the rest of the
 * API writes them, 64 lower-case hex digits; signers as 0x addresses, as the L1 writes them), where
 * it is on this node, and when. Every field is always present; what is not known yet is null
 * (like a block's {@code state_root}), so clients need not tell "absent" from "unknown".
 */
final class CheckpointJson {
    private CheckpointJson() {
    }

    static Map<String, Object> of(CheckpointInfo info) {
        Checkpoint c = info.checkpoint();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", c.number());
        m.put("chain_id", c.chainId());
        m.put("epoch", c.epoch());
        m.put("first_height", c.firstHeight());
        m.put("last_height", c.lastHeight());
        m.put("last_block_hash", c.lastBlockHash().toHex());
        m.put("blocks_root", c.blocksRoot().toHex());
        m.put("state_root", c.stateRoot().toHex());
        m.put("next_validator_set_hash", c.nextValidatorSetHash().toHex());
        m.put("digest", info.digest().toHex());
        m.put("stage", info.stage().label());
        m.put("signatures", info.signatures());
        m.put("threshold", info.threshold());
        m.put("signers", info.signers().stream().map(EthAddress::hex).toList());
        Map<String, Object> l1 = new LinkedHashMap<>();
        l1.put("block", orNull(info.l1Block()));
        l1.put("confirmations", info.confirmations());
        l1.put("tx_hash", info.l1TxHash().orElse(null));
        m.put("l1", l1);
        m.put("committed_at_ms", orNull(info.committedAtMillis()));
        m.put("anchored_at_ms", orNull(info.anchoredAtMillis()));
        m.put("settled_at_ms", orNull(info.settledAtMillis()));
        m.put("commit_to_anchored_ms", since(info.committedAtMillis(), info.anchoredAtMillis()));
        m.put("commit_to_settled_ms", since(info.committedAtMillis(), info.settledAtMillis()));
        return m;
    }

    /**
     * {@code to - from}, null unless both are known. A node that was behind can see a checkpoint
     * anchored (by the others) before it executed the range itself; that reads 0, not a negative
     * latency, since nothing waited on this node.
     */
    static Long since(OptionalLong from, OptionalLong to) {
        return from.isPresent() && to.isPresent() ? Math.max(0, to.getAsLong() - from.getAsLong()) : null;
    }

    private static Long orNull(OptionalLong v) {
        return v.isPresent() ? v.getAsLong() : null;
    }
}
