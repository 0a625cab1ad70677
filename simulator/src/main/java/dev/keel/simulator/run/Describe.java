package dev.keel.simulator.run;

import dev.keel.consensus.message.BlockRequest;
import dev.keel.consensus.message.BlockResponse;
import dev.keel.consensus.message.Message;
import dev.keel.consensus.message.Proposal;
import dev.keel.consensus.message.TimeoutMsg;
import dev.keel.consensus.message.CheckpointVote;
import dev.keel.consensus.message.TxBatch;
import dev.keel.consensus.message.VoteMsg;

/** Compact one-line descriptions of messages for the event trace. */
final class Describe {
    private Describe() {
    }

    static String message(Message m) {
        if (m instanceof Proposal p) {
            return "prop r" + p.round() + " " + p.block().id() + " h" + p.block().height() + " a" + p.block().author()
                    + " txs" + p.block().payload().txs().size() + " sig" + p.signature();
        } else if (m instanceof VoteMsg v) {
            return "vote r" + v.round() + " " + v.vote().data().blockId() + " a" + v.vote().author() + " sig" + v.vote().signature();
        } else if (m instanceof TimeoutMsg t) {
            return "tmo r" + t.round() + " hqc" + t.timeout().highQc().round() + " a" + t.timeout().author()
                    + " sig" + t.timeout().signature();
        } else if (m instanceof BlockRequest r) {
            return "req " + r.blockId() + " x" + r.count() + " >h" + r.stopAboveHeight();
        } else if (m instanceof BlockResponse r) {
            return "resp " + r.requestedId() + " n" + r.blocks().size();
        } else if (m instanceof TxBatch b) {
            return "txs n" + b.txs().size();
        } else if (m instanceof CheckpointVote v) {
            return "ckpt #" + v.number() + " " + v.digest();
        }
        throw new AssertionError("unhandled message " + m.getClass());
    }
}
