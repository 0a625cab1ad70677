package dev.keel.simulator.byzantine;

import dev.keel.consensus.codec.Canonical;
import dev.keel.consensus.core.Outbound;
import dev.keel.consensus.crypto.Domain;
import dev.keel.consensus.message.Message;
import dev.keel.consensus.message.Proposal;
import dev.keel.consensus.message.TimeoutMsg;
import dev.keel.consensus.message.VoteMsg;
import dev.keel.consensus.types.Timeout;
import dev.keel.consensus.types.Vote;
import dev.keel.simulator.node.Behavior;
import dev.keel.simulator.node.SimNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A validator that floods the others with junk while otherwise following the protocol:
 * replays of stale messages (its own and others'), messages with invalid signatures, and
 * signed timeouts and votes for rounds far in the future. Everything it sends must be
 * dropped with a typed reason and cost bounded memory.
 */
public final class Noisy implements Behavior {
    private static final int REPLAY_BUFFER = 64;
    private final List<Message> seen = new ArrayList<>();

    @Override
    public String name() {
        return "noisy";
    }

    @Override
    public boolean honest() {
        return false;
    }

    @Override
    public void onInbound(SimNode node, Message m, int from) {
        if (seen.size() < REPLAY_BUFFER) {
            seen.add(m);
        } else {
            seen.set(node.world().random().nextInt(REPLAY_BUFFER), m);
        }
    }

    @Override
    public void onOutbound(SimNode node, Outbound out) {
        node.world().send(node, out.to(), out.message());
        var rnd = node.world().random();
        if (!seen.isEmpty() && rnd.nextDouble() < 0.3) {
            Adversary.sendAll(node, seen.get(rnd.nextInt(seen.size())));
        }
        Message m = out.message();
        if (rnd.nextDouble() < 0.3) {
            Message forged = forge(m);
            if (forged != null) {
                node.world().send(node, out.to(), forged);
            }
        }
        if (m instanceof TimeoutMsg t && rnd.nextDouble() < 0.5) {
            long far = t.timeout().round() + 1_000 + rnd.nextInt(1_000_000);
            var qc = t.timeout().highQc();
            Timeout future = new Timeout(far, node.validator(), qc,
                    node.signer().sign(Domain.TIMEOUT, Canonical.timeoutBody(far, qc.round())));
            Adversary.sendAll(node, new TimeoutMsg(future, t.sync()));
        }
    }

    /** The same message with a broken signature. */
    private static Message forge(Message m) {
        if (m instanceof VoteMsg v) {
            Vote x = v.vote();
            return new VoteMsg(new Vote(x.data(), x.author(), Adversary.corrupt(x.signature())), v.sync());
        } else if (m instanceof TimeoutMsg t) {
            Timeout x = t.timeout();
            return new TimeoutMsg(new Timeout(x.round(), x.author(), x.highQc(), Adversary.corrupt(x.signature())), t.sync());
        } else if (m instanceof Proposal p) {
            return new Proposal(p.block(), Adversary.corrupt(p.signature()), p.sync());
        }
        return null;
    }
}
