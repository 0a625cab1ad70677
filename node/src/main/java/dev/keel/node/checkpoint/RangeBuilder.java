package dev.keel.node.checkpoint;

import dev.keel.checkpoint.Checkpoint;
import dev.keel.checkpoint.CheckpointSchedule;
import dev.keel.checkpoint.MerkleRoot;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.Hash;
import dev.keel.storage.ChainStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts the executed chain into checkpoint ranges. Block ids are remembered as blocks execute
 * (the executor replays from height 1 at start, so a range is normally complete); a gap is
 * filled from the store.
 */
final class RangeBuilder {
    private final CheckpointSchedule schedule;
    private final long chainId;
    private final Hash nextValidatorSetHash;
    private final ChainStore store;
    private final List<Hash> ids = new ArrayList<>();
    private long firstOfIds = 1;

    RangeBuilder(CheckpointSchedule schedule, long chainId, Hash nextValidatorSetHash, ChainStore store) {
        this.schedule = schedule;
        this.chainId = chainId;
        this.nextValidatorSetHash = nextValidatorSetHash;
        this.store = store;
    }

    /** Feeds executed block {@code block}; returns the checkpoint it closes, if it closes one. */
    Optional<Checkpoint> onExecuted(Block block, Hash stateRoot) {
        long h = block.header().height();
        if (h != firstOfIds + ids.size()) {
            ids.clear();
            firstOfIds = h;
        }
        ids.add(block.id());
        if (!schedule.closes(h)) {
            return Optional.empty();
        }
        long number = schedule.numberClosedBy(h);
        long first = schedule.firstHeight(number);
        List<Hash> range = new ArrayList<>();
        for (long x = first; x <= h; x++) {
            Optional<Hash> id = x >= firstOfIds ? Optional.of(ids.get((int) (x - firstOfIds)))
                    : store.blockByHeight(x).map(Block::id);
            if (id.isEmpty()) {
                throw new IllegalStateException("block " + x + " is not in the store (pruned?); cannot build checkpoint "
                        + number);
            }
            range.add(id.get());
        }
        ids.clear();
        firstOfIds = h + 1;
        return Optional.of(new Checkpoint(number, chainId, 0, first, h, block.id(), MerkleRoot.of(range), stateRoot,
                nextValidatorSetHash));
    }
}
