package dev.keel.node.http;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathEnd;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.post;
import static org.apache.pekko.http.javadsl.server.Directives.reject;

import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import dev.keel.mempool.Admission;
import dev.keel.node.chain.ChainAccess;
import dev.keel.node.checkpoint.CheckpointView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.MediaType;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code POST /v1/txs} (one transaction), {@code POST /v1/txs/batch} (many) and
 * {@code GET /v1/txs/{hash}}. Bodies are read with a size limit before anything is decoded, and
 * the client's address goes with each submission for the mempool's per-source fairness.
 */
final class TxRoutes {
    private final ChainAccess chain;
    private final ChainApiLimits limits;
    private final CheckpointView checkpoints;

    TxRoutes(ChainAccess chain, ChainApiLimits limits, CheckpointView checkpoints) {
        this.chain = chain;
        this.limits = limits;
        this.checkpoints = checkpoints;
    }

    Route routes() {
        return pathPrefix("txs", () -> concat(
                pathEnd(() -> post(this::submitOne)),
                path("batch", () -> post(this::submitBatch)),
                // "batch" is not a hash: GET /v1/txs/batch is a wrong method (405), not a bad hash (400).
                path(PathMatchers.segment(), id -> "batch".equals(id) ? reject() : get(() -> lookup(id)))));
    }

    private Route submitOne() {
        return ClientSource.extract(limits.trustForwardedFor(), source ->
                RequestBody.read(limits.maxTxBodyBytes(), limits.bodyTimeout(), entity -> {
                    Decoded<Bytes> tx = oneTx(entity);
                    if (tx instanceof Decoded.Failed<Bytes> f) {
                        return complete(f.response());
                    }
                    return complete(TxJson.admission(chain.submit(((Decoded.Ok<Bytes>) tx).value(), source)));
                }));
    }

    private Route submitBatch() {
        return ClientSource.extract(limits.trustForwardedFor(), source ->
                RequestBody.read(limits.maxBatchBytes(), limits.bodyTimeout(), entity -> {
                    Decoded<List<Bytes>> txs = batch(entity);
                    if (txs instanceof Decoded.Failed<List<Bytes>> f) {
                        return complete(f.response());
                    }
                    List<Bytes> list = ((Decoded.Ok<List<Bytes>>) txs).value();
                    if (list.isEmpty()) {
                        return complete(JsonResponses.error(StatusCodes.BAD_REQUEST, ApiError.BAD_REQUEST,
                                "the batch holds no transactions"));
                    }
                    List<Admission> admissions = new ArrayList<>(list.size());
                    for (Bytes tx : list) {
                        admissions.add(chain.submit(tx, source));
                    }
                    return complete(new BatchReport(admissions).response());
                }));
    }

    private Route lookup(String id) {
        Optional<Hash> hash = HexText.hash(id);
        if (hash.isEmpty()) {
            return complete(JsonResponses.error(StatusCodes.BAD_REQUEST, ApiError.BAD_HASH,
                    "a transaction hash is 64 hex digits (optionally 0x-prefixed), got '" + id + "'"));
        }
        return complete(TxJson.status(hash.get(), chain.tx(hash.get()), checkpoints));
    }

    /** The raw bytes ({@code application/octet-stream}, also what a body without a type is) or {@code {"tx":"<hex>"}}. */
    private static Decoded<Bytes> oneTx(RequestBody.Received entity) {
        MediaType type = entity.type().mediaType();
        if (type.equals(MediaTypes.APPLICATION_OCTET_STREAM)) {
            return Decoded.ok(Bytes.wrap(entity.data().toArray()));
        }
        if (type.equals(MediaTypes.APPLICATION_JSON)) {
            Decoded<Object> field = JsonBody.field(entity.data(), "tx");
            if (field instanceof Decoded.Failed<Object> f) {
                return new Decoded.Failed<>(f.status(), f.error());
            }
            Object hex = ((Decoded.Ok<Object>) field).value();
            Optional<Bytes> tx = hex instanceof String s ? HexText.bytes(s) : Optional.empty();
            return tx.<Decoded<Bytes>>map(Decoded::ok).orElseGet(() -> JsonBody.bad("\"tx\" must be a hex string"));
        }
        return unsupported(type, "application/octet-stream or application/json");
    }

    private Decoded<List<Bytes>> batch(RequestBody.Received entity) {
        MediaType type = entity.type().mediaType();
        if (BatchFormat.isBinary(type)) {
            return BatchFormat.decodeBinary(entity.data(), limits.maxBatchTxs());
        }
        if (type.equals(MediaTypes.APPLICATION_JSON)) {
            return BatchFormat.decodeJson(entity.data(), limits.maxBatchTxs());
        }
        return unsupported(type, BatchFormat.MEDIA_TYPE + " or application/json");
    }

    private static <T> Decoded<T> unsupported(MediaType type, String expected) {
        return Decoded.failed(StatusCodes.UNSUPPORTED_MEDIA_TYPE, ApiError.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type " + type + " is not accepted here; send " + expected);
    }
}
