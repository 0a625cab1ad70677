package dev.keel.checkpoint.aggregate;

import dev.keel.checkpoint.Checkpoint;
import dev.keel.checkpoint.CheckpointSigners;
import dev.keel.checkpoint.EthAddress;
import dev.keel.checkpoint.EthSignature;
import dev.keel.checkpoint.SignedCheckpoint;
import dev.keel.consensus.types.Hash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Collects checkpoint signatures until a threshold of validators signed the same digest as
 * this node. Pure and single-threaded: the shell feeds it its own checkpoints and its peers'
 * votes in any order.
 *
 * <p>A vote is authenticated on arrival (its signature must recover to the sender's L1
 * address), so at most one vote per validator and number is ever held, and a forged vote
 * cannot evict a real one. Votes for a checkpoint this node has not built yet are held and
 * compared when it has; a vote whose digest differs from ours is rejected and reported: with
 * honest validators that means the chains diverged, which the operator must see.
 *
 * <p>Memory is bounded: numbers more than {@code window} above this node's newest
 * checkpoint, or at or below its newest formed one minus {@code window}, are refused.
 */
public final class Aggregator {
    private final CheckpointSigners signers;
    private final int window;
    private final LongSupplier clock;
    private final TreeMap<Long, Slot> slots = new TreeMap<>();
    private long newestLocal;
    private long newestFormed;

    public Aggregator(CheckpointSigners signers, int window, LongSupplier clock) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1");
        }
        this.signers = signers;
        this.window = window;
        this.clock = clock;
    }

    /** Registers this node's own checkpoint and signature; returns it formed if held votes complete it. */
    public Optional<SignedCheckpoint> local(Checkpoint cp, EthSignature own, int self) {
        Slot slot = slots.computeIfAbsent(cp.number(), n -> new Slot());
        newestLocal = Math.max(newestLocal, cp.number());
        if (slot.local != null) {
            return Optional.ofNullable(slot.formed);
        }
        slot.local = cp;
        slot.digest = cp.digest();
        slot.matching.put(self, own);
        for (var e : slot.held.entrySet()) {
            if (e.getValue().digest.equals(slot.digest)) {
                slot.matching.put(e.getKey(), e.getValue().signature);
            } else {
                slot.mismatched.add(e.getKey());
            }
        }
        slot.held.clear();
        prune();
        return Optional.ofNullable(tryForm(slot));
    }

    /** Restores a checkpoint formed before a restart (from storage): later votes for it are AlreadyFormed. */
    public void restore(SignedCheckpoint formed, EthSignature own, int self) {
        local(formed.checkpoint(), own, self);
        Slot slot = slots.get(formed.number());
        if (slot != null && slot.formed == null) {
            slot.formed = formed;
            newestFormed = Math.max(newestFormed, formed.number());
        }
    }

    public VoteOutcome vote(int from, long number, Hash digest, EthSignature signature) {
        if (from < 0 || from >= signers.size()) {
            return new VoteOutcome.Rejected(VoteOutcome.Reason.UNKNOWN_SENDER);
        }
        if (number < 1 || number > Math.max(newestLocal, newestFormed) + window || number <= newestFormed - window) {
            return new VoteOutcome.Rejected(VoteOutcome.Reason.OUT_OF_WINDOW);
        }
        Slot slot = slots.get(number);
        if (slot != null && slot.formed != null) {
            return new VoteOutcome.AlreadyFormed();
        }
        if (slot != null && (signature.equals(slot.matching.get(from))
                || slot.held.containsKey(from) && slot.held.get(from).signature.equals(signature))) {
            return new VoteOutcome.Duplicate();
        }
        Optional<EthAddress> signer = signature.recover(digest);
        if (signer.isEmpty() || !signer.get().equals(signers.address(from))) {
            return new VoteOutcome.Rejected(VoteOutcome.Reason.BAD_SIGNATURE);
        }
        if (slot == null) {
            slot = new Slot();
            slots.put(number, slot);
        }
        if (slot.local == null) {
            slot.held.put(from, new Held(digest, signature));
            return new VoteOutcome.Held();
        }
        if (!digest.equals(slot.digest)) {
            slot.mismatched.add(from);
            return new VoteOutcome.Rejected(VoteOutcome.Reason.DIGEST_MISMATCH);
        }
        slot.matching.put(from, signature);
        SignedCheckpoint formed = tryForm(slot);
        return formed != null ? new VoteOutcome.Formed(formed) : new VoteOutcome.Counted(slot.matching.size());
    }

    /** Validators whose vote for {@code number} disagreed with this node's checkpoint. */
    public List<Integer> mismatched(long number) {
        Slot s = slots.get(number);
        return s == null ? List.of() : List.copyOf(s.mismatched);
    }

    /** Signatures gathered so far for {@code number} (matching ours). */
    public int signatureCount(long number) {
        Slot s = slots.get(number);
        return s == null ? 0 : s.matching.size();
    }

    /** This node's numbers that are built but not formed yet, oldest first (to re-announce). */
    public List<Long> unformed() {
        List<Long> out = new ArrayList<>();
        slots.forEach((n, s) -> {
            if (s.local != null && s.formed == null) {
                out.add(n);
            }
        });
        return out;
    }

    private SignedCheckpoint tryForm(Slot slot) {
        if (slot.formed != null || slot.local == null || slot.matching.size() < signers.threshold()) {
            return slot.formed;
        }
        // The contract needs exactly `threshold` valid signatures; more only cost gas.
        TreeMap<EthAddress, EthSignature> byAddress = new TreeMap<>();
        slot.matching.forEach((index, sig) -> byAddress.put(signers.address(index), sig));
        List<EthAddress> who = new ArrayList<>(byAddress.keySet()).subList(0, signers.threshold());
        List<EthSignature> sigs = who.stream().map(byAddress::get).toList();
        slot.formed = new SignedCheckpoint(slot.local, who, sigs, clock.getAsLong());
        newestFormed = Math.max(newestFormed, slot.local.number());
        return slot.formed;
    }

    private void prune() {
        long floor = Math.max(newestLocal, newestFormed) - 4L * window;
        slots.headMap(floor, true).clear();
    }

    private record Held(Hash digest, EthSignature signature) {
    }

    private static final class Slot {
        Checkpoint local;
        Hash digest;
        SignedCheckpoint formed;
        final Map<Integer, EthSignature> matching = new HashMap<>();
        final Map<Integer, Held> held = new HashMap<>();
        /** A set: a byzantine validator can sign any number of digests, each must not cost memory. */
        final Set<Integer> mismatched = new LinkedHashSet<>();
    }
}
