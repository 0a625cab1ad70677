package dev.keel.storage.codec;

import dev.keel.consensus.safety.SafetyRecord;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.BlockHeader;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.Payload;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.Signature;
import dev.keel.consensus.types.SignerBitmap;
import dev.keel.consensus.types.Timeout;
import dev.keel.consensus.types.TimeoutCert;
import dev.keel.consensus.types.Vote;
import dev.keel.consensus.types.VoteData;
import dev.keel.storage.TxLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Valid protocol values of every shape the codec must handle, drawn from a seed: extreme
 * rounds and heights, 1 to 1024 validators, empty and many-transaction payloads, empty
 * transactions, safety records with and without a vote and a timeout.
 */
final class RandomValues {
    private final Random rnd;

    RandomValues(long seed) {
        this.rnd = new Random(seed);
    }

    long nonNegative() {
        return switch (rnd.nextInt(4)) {
            case 0 -> rnd.nextInt(3);
            case 1 -> Long.MAX_VALUE - rnd.nextInt(3);
            default -> rnd.nextLong() & Long.MAX_VALUE;
        };
    }

    Bytes bytes(int length) {
        byte[] b = new byte[length];
        rnd.nextBytes(b);
        return Bytes.wrap(b);
    }

    Hash hash() {
        return new Hash(bytes(Hash.LENGTH));
    }

    int validators() {
        return rnd.nextBoolean() ? 1 + rnd.nextInt(10) : 1 + rnd.nextInt(1024);
    }

    VoteData voteData(long round) {
        long parentRound = round == 0 ? 0 : Math.max(0, round - 1 - rnd.nextInt(3));
        long height = round == 0 ? 0 : 1 + (nonNegative() % (Long.MAX_VALUE - 1));
        return new VoteData(hash(), round, height, hash(), parentRound);
    }

    QuorumCert qc() {
        long round = rnd.nextInt(5) == 0 ? 0 : 1 + (nonNegative() % (Long.MAX_VALUE - 1));
        return qc(voteData(round));
    }

    QuorumCert qc(VoteData data) {
        int n = validators();
        List<Integer> signers = new ArrayList<>();
        List<Signature> sigs = new ArrayList<>();
        if (data.round() > 0) {
            for (int i = 0; i < n; i++) {
                if (rnd.nextInt(3) > 0) {
                    signers.add(i);
                    sigs.add(new Signature(bytes(Signature.LENGTH)));
                }
            }
        }
        return new QuorumCert(data, SignerBitmap.of(n, signers), sigs);
    }

    TimeoutCert tc() {
        QuorumCert high = qc(voteData(rnd.nextInt(5) == 0 ? 0 : 1 + nonNegative() % (1L << 62)));
        long round = high.round() + 1 + rnd.nextInt(1000);
        int n = high.signers().size();
        List<Integer> signers = new ArrayList<>();
        List<Long> qcRounds = new ArrayList<>();
        List<Signature> sigs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i == 0 || rnd.nextBoolean()) {
                signers.add(i);
                qcRounds.add(i == 0 ? high.round() : (high.round() == 0 ? 0 : rnd.nextLong() & Long.MAX_VALUE) % (high.round() + 1));
                sigs.add(new Signature(bytes(Signature.LENGTH)));
            }
        }
        return new TimeoutCert(round, SignerBitmap.of(n, signers), qcRounds, sigs, high);
    }

    Payload payload() {
        int count = switch (rnd.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 1;
            default -> rnd.nextInt(200);
        };
        List<Bytes> txs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            txs.add(bytes(rnd.nextInt(8) == 0 ? 0 : rnd.nextInt(300)));
        }
        return new Payload(txs);
    }

    Block block() {
        QuorumCert parentQc = qc(voteData(1 + rnd.nextInt(1_000_000)));
        long round = parentQc.round() + 1 + rnd.nextInt(5);
        Payload p = payload();
        BlockHeader h = new BlockHeader(nonNegative(), round, parentQc.data().height() + 1, parentQc.blockId(), parentQc,
                rnd.nextInt(1024), nonNegative(), p.hash(), rnd.nextBoolean() ? Hash.ZERO : hash());
        return Block.of(h, p);
    }

    SafetyRecord safety() {
        long lastVoted = 1 + rnd.nextInt(Integer.MAX_VALUE);
        Optional<Vote> vote = Optional.empty();
        if (rnd.nextBoolean()) {
            vote = Optional.of(new Vote(voteData(1 + rnd.nextInt((int) Math.min(lastVoted, Integer.MAX_VALUE))),
                    rnd.nextInt(1024), new Signature(bytes(Signature.LENGTH))));
        }
        Optional<Timeout> timeout = Optional.empty();
        if (rnd.nextBoolean()) {
            long round = 1 + rnd.nextInt((int) lastVoted);
            QuorumCert high = qc(voteData(rnd.nextInt((int) round)));
            timeout = Optional.of(new Timeout(round, rnd.nextInt(1024), high, new Signature(bytes(Signature.LENGTH))));
        }
        return new SafetyRecord(lastVoted, rnd.nextInt((int) lastVoted), vote, timeout);
    }

    TxLocation txLocation() {
        return new TxLocation(nonNegative(), rnd.nextInt(Integer.MAX_VALUE), hash());
    }

    int nextInt(int bound) {
        return rnd.nextInt(bound);
    }
}
