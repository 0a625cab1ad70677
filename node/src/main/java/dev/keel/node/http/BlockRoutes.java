package dev.keel.node.http;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.parameterOptional;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;

import dev.keel.consensus.types.Hash;
import dev.keel.node.chain.BlockView;
import dev.keel.node.chain.ChainAccess;
import dev.keel.node.checkpoint.CheckpointView;
import java.util.Optional;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /v1/blocks/latest}, {@code /v1/blocks/{height}}, {@code /v1/blocks/{hash}} and the
 * {@code /v1/blocks/stream} SSE feed. Literal segments are tried before {@code {id}}, so "stream"
 * and "latest" are never read as block ids.
 */
final class BlockRoutes {
    /** Heights have at most 19 digits; anything longer is not one (and 64 digits is a hash). */
    private static final int MAX_HEIGHT_DIGITS = 18;

    private final ChainAccess chain;
    private final CheckpointView checkpoints;
    private final BlockStream stream;

    BlockRoutes(ChainAccess chain, ChainApiLimits limits, CheckpointView checkpoints) {
        this.chain = chain;
        this.checkpoints = checkpoints;
        this.stream = new BlockStream(chain, limits, checkpoints);
    }

    Route routes() {
        return pathPrefix("blocks", () -> concat(
                path("stream", () -> get(stream::route)),
                path("latest", () -> get(() -> withTxs(txs -> complete(found(chain.latest(), txs, "no block is finalized yet"))))),
                path(PathMatchers.segment(), id -> get(() -> withTxs(txs -> byId(id, txs))))));
    }

    private Route byId(String id, boolean txs) {
        Optional<Hash> hash = HexText.hash(id);
        if (hash.isPresent()) {
            return complete(found(chain.block(hash.get()), txs, "no finalized block " + hash.get().toHex()));
        }
        long height = id.matches("[0-9]{1," + MAX_HEIGHT_DIGITS + "}") ? Long.parseLong(id) : 0;
        if (height < 1) {
            return complete(JsonResponses.error(StatusCodes.BAD_REQUEST, ApiError.BAD_BLOCK_ID,
                    "a block id is a height (decimal, at least 1) or a 64-hex-digit block hash, got '" + id + "'"));
        }
        return complete(found(chain.block(height), txs, "no finalized block at height " + height));
    }

    /** {@code ?txs=true} adds the transactions; absent or {@code false} leaves them out. */
    private static Route withTxs(Function<Boolean, Route> inner) {
        return parameterOptional("txs", txs -> {
            String v = txs.orElse("false");
            if (!v.equals("true") && !v.equals("false")) {
                return complete(JsonResponses.error(StatusCodes.BAD_REQUEST, ApiError.BAD_REQUEST,
                        "txs must be true or false, got '" + v + "'"));
            }
            return inner.apply(v.equals("true"));
        });
    }

    private HttpResponse found(Optional<BlockView> block, boolean txs, String missing) {
        return block.map(b -> JsonResponses.ok(BlockJson.of(b, txs, checkpoints.finality(b.block().height()))))
                .orElseGet(() -> JsonResponses.error(StatusCodes.NOT_FOUND, ApiError.BLOCK_NOT_FOUND, missing));
    }
}
