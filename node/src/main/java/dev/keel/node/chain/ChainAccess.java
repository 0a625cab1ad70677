package dev.keel.node.chain;

import dev.keel.app.QueryResult;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import dev.keel.mempool.Admission;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Source;

/**
 * What the HTTP API may do with the chain: submit transactions, follow them, read finalized
 * blocks and application state. Implemented by the running node ({@code runtime.ChainService});
 * tests use fakes. All methods are thread-safe and quick (no blocking on consensus).
 */
public interface ChainAccess {
    /** The application this chain runs ({@code kv}, {@code bank}). */
    String appName();

    /** Admits {@code tx} into this validator's mempool (and forwards it to the others when accepted). */
    Admission submit(Bytes tx, String source);

    TxStatus tx(Hash hash);

    /** Finalized (committed) blocks only. */
    Optional<BlockView> block(long height);

    Optional<BlockView> block(Hash id);

    Optional<BlockView> latest();

    /** Up to {@code max} consecutive finalized blocks from {@code fromHeight} (fewer at the head). */
    List<BlockView> blocks(long fromHeight, int max);

    /**
     * Finalized blocks as they are executed, each once, in height order, from now on. Each
     * materialization is a new subscriber; a subscriber too slow to keep up is completed with
     * a failure rather than buffered without bound (the client reconnects with {@code from}).
     */
    Source<BlockView, NotUsed> live();

    QueryResult query(String path, Map<String, String> params);
}
