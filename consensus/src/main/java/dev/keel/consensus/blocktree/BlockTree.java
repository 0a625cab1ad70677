package dev.keel.consensus.blocktree;

import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.Hash;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The blocks above the last commit, rooted at the committed head. Implements the 2-chain
 * commit rule's bookkeeping: committing a block commits its uncommitted ancestors, in
 * height order, and prunes every pending block that no longer extends the committed chain.
 *
 * <p>Lookups use a HashMap, but nothing iterates it into an output: every list this class
 * returns is ordered by the chain itself.
 */
public final class BlockTree {
    private final Map<Hash, Block> pending = new HashMap<>();
    private Block committedHead;

    public BlockTree(Block committedHead) {
        this.committedHead = committedHead;
    }

    public Block committedHead() {
        return committedHead;
    }

    public int pendingCount() {
        return pending.size();
    }

    public boolean contains(Hash id) {
        return committedHead.id().equals(id) || pending.containsKey(id);
    }

    public Optional<Block> get(Hash id) {
        if (committedHead.id().equals(id)) {
            return Optional.of(committedHead);
        }
        return Optional.ofNullable(pending.get(id));
    }

    public InsertResult insert(Block block) {
        if (contains(block.id())) {
            return InsertResult.ALREADY_KNOWN;
        }
        if (block.height() <= committedHead.height()) {
            return InsertResult.BELOW_COMMITTED;
        }
        if (!contains(block.parentId())) {
            return InsertResult.MISSING_PARENT;
        }
        Block parent = get(block.parentId()).orElseThrow();
        if (parent.height() + 1 != block.height() || parent.round() >= block.round()) {
            throw new IllegalArgumentException("block " + block + " does not follow its parent " + parent);
        }
        pending.put(block.id(), block);
        return InsertResult.INSERTED;
    }

    /**
     * The pending blocks from just above the committed head up to {@code id}, oldest first;
     * empty when {@code id} is the head or is not connected to it.
     */
    public List<Block> pathFromCommitted(Hash id) {
        List<Block> path = new ArrayList<>();
        Block cur = pending.get(id);
        while (cur != null) {
            path.add(cur);
            if (cur.parentId().equals(committedHead.id())) {
                Collections.reverse(path);
                return path;
            }
            cur = pending.get(cur.parentId());
        }
        return List.of();
    }

    /**
     * Commits {@code id} and its uncommitted ancestors; returns them oldest first (empty if
     * already committed or not connected). Pending blocks that do not descend from the new
     * head are dropped: no QC can ever commit them (the commit rule's safety argument).
     */
    public List<Block> commit(Hash id) {
        List<Block> path = pathFromCommitted(id);
        if (path.isEmpty()) {
            return path;
        }
        committedHead = path.get(path.size() - 1);
        path.forEach(b -> pending.remove(b.id()));
        prune();
        return path;
    }

    private void prune() {
        Map<Hash, Boolean> descends = new HashMap<>();
        descends.put(committedHead.id(), true);
        List<Hash> drop = new ArrayList<>();
        for (Block b : pending.values()) {
            if (!descendsFromHead(b, descends)) {
                drop.add(b.id());
            }
        }
        drop.forEach(pending::remove);
    }

    private boolean descendsFromHead(Block b, Map<Hash, Boolean> memo) {
        List<Hash> walked = new ArrayList<>();
        Block cur = b;
        Boolean answer = null;
        while (answer == null) {
            answer = memo.get(cur.id());
            if (answer != null) {
                break;
            }
            walked.add(cur.id());
            if (cur.height() <= committedHead.height()) {
                answer = false;
                break;
            }
            Block parent = pending.get(cur.parentId());
            if (parent == null) {
                answer = cur.parentId().equals(committedHead.id());
                break;
            }
            cur = parent;
        }
        for (Hash h : walked) {
            memo.put(h, answer);
        }
        return answer;
    }
}
