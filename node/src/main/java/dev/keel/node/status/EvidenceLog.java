package dev.keel.node.status;

import dev.keel.consensus.core.Evidence;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The evidence of byzantine signing this node has seen, for {@code GET /v1/evidence}: the
 * newest {@code capacity} entries and a total count. Bounded because a byzantine key can
 * produce evidence every round; the count keeps growing, so nothing is hidden by the bound.
 */
public final class EvidenceLog {
    public static final int DEFAULT_CAPACITY = 1024;

    /** One proof, flattened for JSON: the two block ids a key signed votes for in one round. */
    public record Entry(String kind, int validator, long round, List<String> blocks, long seenAtMillis) {
    }

    /** What the API returns: {@code total} ever seen, {@code entries} the newest of them. */
    public record Report(long total, List<Entry> entries) {
    }

    private final int capacity;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long total;

    public EvidenceLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity + " < 1");
        }
        this.capacity = capacity;
    }

    public synchronized Entry add(Evidence e, long nowMillis) {
        if (!(e instanceof Evidence.ConflictingVotes v)) {
            throw new IllegalArgumentException("unknown evidence " + e);
        }
        Entry entry = new Entry("conflicting_votes", v.validator(), v.round(),
                List.of(v.first().data().blockId().toHex(), v.second().data().blockId().toHex()), nowMillis);
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(entry);
        total++;
        return entry;
    }

    public synchronized Report report() {
        return new Report(total, List.copyOf(entries));
    }
}
