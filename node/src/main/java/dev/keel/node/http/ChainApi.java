package dev.keel.node.http;

import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;

import dev.keel.mempool.MempoolConfig;
import dev.keel.node.chain.ChainAccess;
import dev.keel.node.checkpoint.CheckpointView;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The chain's client API under {@code /v1}: transactions ({@link TxRoutes}), finalized blocks and
 * their live stream ({@link BlockRoutes}, {@link BlockStream}), checkpoints ({@link CheckpointRoutes}),
 * application queries ({@link QueryRoutes}) and the OpenAPI document ({@link OpenApiRoute}).
 * Transactions and blocks carry their {@code finality} from the {@link CheckpointView}. Served next to
 * {@link NodeApi}'s operational routes ({@link ApiRoutes#combine}); every error is
 * {@link JsonResponses#error}'s shape with a stable snake_case code.
 */
public final class ChainApi {
    private final TxRoutes txs;
    private final BlockRoutes blocks;
    private final CheckpointRoutes checkpoints;
    private final QueryRoutes query;
    private final OpenApiRoute openApi;

    /** With the limits for the default mempool ({@link MempoolConfig#DEFAULT}). */
    public ChainApi(ChainAccess chain) {
        this(chain, ChainApiLimits.forMaxTx(MempoolConfig.DEFAULT.maxTxBytes()));
    }

    /** Without checkpoints: everything is merely committed, and /v1/checkpoints says they are disabled. */
    public ChainApi(ChainAccess chain, ChainApiLimits limits) {
        this(chain, limits, CheckpointView.disabled());
    }

    public ChainApi(ChainAccess chain, ChainApiLimits limits, CheckpointView checkpoints) {
        this.txs = new TxRoutes(chain, limits, checkpoints);
        this.blocks = new BlockRoutes(chain, limits, checkpoints);
        this.checkpoints = new CheckpointRoutes(checkpoints);
        this.query = new QueryRoutes(chain);
        this.openApi = new OpenApiRoute();
    }

    public Route routes() {
        return pathPrefix("v1", () -> concat(txs.routes(), blocks.routes(), checkpoints.routes(), query.routes(),
                openApi.route()));
    }
}
