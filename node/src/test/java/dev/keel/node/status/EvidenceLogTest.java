package dev.keel.node.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.consensus.core.Evidence;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.Signature;
import dev.keel.consensus.types.Vote;
import dev.keel.consensus.types.VoteData;
import org.junit.jupiter.api.Test;

class EvidenceLogTest {
    /** Signatures are checked before the core sees votes; the log only reads the block ids. */
    private static Evidence conflict(int voter, long round) {
        Signature sig = new Signature(Bytes.wrap(new byte[Signature.LENGTH]));
        Vote a = new Vote(new VoteData(Hash.of(new byte[] {1, (byte) round}), round, 1, Hash.ZERO, 0), voter, sig);
        Vote b = new Vote(new VoteData(Hash.of(new byte[] {2, (byte) round}), round, 1, Hash.ZERO, 0), voter, sig);
        return new Evidence.ConflictingVotes(a, b);
    }

    @Test
    void keepsTheNewestEntriesAndCountsAll() {
        EvidenceLog log = new EvidenceLog(2);
        log.add(conflict(1, 1), 10);
        log.add(conflict(2, 2), 20);
        EvidenceLog.Entry last = log.add(conflict(3, 3), 30);
        EvidenceLog.Report r = log.report();
        assertEquals(3, r.total());
        assertEquals(2, r.entries().size());
        assertEquals(2, r.entries().get(0).validator());
        assertEquals(last, r.entries().get(1));
        assertEquals("conflicting_votes", last.kind());
        assertEquals(3, last.round());
        assertEquals(2, last.blocks().size());
    }
}
