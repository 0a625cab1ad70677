package dev.keel.node.http;

import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;

import dev.keel.mempool.MempoolConfig;
import dev.keel.node.chain.ChainAccess;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The chain's client API under {@code /v1}: transactions ({@link TxRoutes}), finalized blocks and
 * their live stream ({@link BlockRoutes}, {@link BlockStream}), application queries
 * ({@link QueryRoutes}) and the OpenAPI document ({@link OpenApiRoute}). Served next to
 * {@link NodeApi}'s operational routes ({@link ApiRoutes#combine}); every error is
 * {@link JsonResponses#error}'s shape with a stable snake_case code.
 */
public final class ChainApi {
    private final TxRoutes txs;
    private final BlockRoutes blocks;
    private final QueryRoutes query;
    private final OpenApiRoute openApi;

    /** With the limits for the default mempool ({@link MempoolConfig#DEFAULT}). */
    public ChainApi(ChainAccess chain) {
        this(chain, ChainApiLimits.forMaxTx(MempoolConfig.DEFAULT.maxTxBytes()));
    }

    public ChainApi(ChainAccess chain, ChainApiLimits limits) {
        this.txs = new TxRoutes(chain, limits);
        this.blocks = new BlockRoutes(chain, limits);
        this.query = new QueryRoutes(chain);
        this.openApi = new OpenApiRoute();
    }

    public Route routes() {
        return pathPrefix("v1", () -> concat(txs.routes(), blocks.routes(), query.routes(), openApi.route()));
    }
}
