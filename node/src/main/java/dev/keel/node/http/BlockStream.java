package dev.keel.node.http;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.optionalHeaderValueByName;
import static org.apache.pekko.http.javadsl.server.Directives.parameterOptional;

import dev.keel.node.chain.BlockView;
import dev.keel.node.chain.ChainAccess;
import dev.keel.node.checkpoint.CheckpointView;
import dev.keel.node.config.Json;
import java.util.Optional;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.headers.CacheControl;
import org.apache.pekko.http.javadsl.model.headers.CacheDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.japi.pf.PFBuilder;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/blocks/stream}: finalized blocks as Server-Sent Events ({@code event: block},
 * {@code id: <height>}, {@code data: <block JSON without txs>}), heartbeat comments while quiet.
 *
 * <p>Without a start it follows the live feed. With {@code ?from=H}, or {@code Last-Event-ID: H-1}
 * (what an EventSource sends on reconnect; it wins over {@code from}, which the browser repeats
 * from the original URL), it first replays stored blocks from H a page at a time, then switches to
 * the live feed. The live feed is subscribed only after the replay ends (a long replay would
 * otherwise overflow it); blocks finalized in between are filled from storage and blocks seen
 * twice are dropped, by {@link HeightCursor}: no gap, no repeat.
 *
 * <p>Memory per subscriber is bounded: replay pulls one page at a time as the client reads, and
 * the live feed fails a subscriber that falls too far behind; the response then ends with a
 * comment saying why, and the client resumes from its last id.
 */
final class BlockStream {
    static final String EVENT = "block";
    private static final Logger LOG = LoggerFactory.getLogger(BlockStream.class);

    private final ChainAccess chain;
    private final ChainApiLimits limits;
    private final CheckpointView checkpoints;

    BlockStream(ChainAccess chain, ChainApiLimits limits, CheckpointView checkpoints) {
        this.chain = chain;
        this.limits = limits;
        this.checkpoints = checkpoints;
    }

    Route route() {
        return parameterOptional("from", from -> optionalHeaderValueByName("Last-Event-ID", lastId -> {
            Decoded<Long> start = start(from, lastId);
            if (start instanceof Decoded.Failed<Long> f) {
                return complete(f.response());
            }
            // A chunked entity of our own frames (SseFrames says why not pekko's marshaller); no-cache so
            // proxies pass events through instead of holding them.
            return complete(HttpResponse.create()
                    .withEntity(HttpEntities.createChunked(MediaTypes.TEXT_EVENT_STREAM.toContentType(),
                            events(((Decoded.Ok<Long>) start).value())))
                    .addHeader(CacheControl.create(CacheDirectives.NO_CACHE)));
        }));
    }

    /** The first height to send, or {@link HeightCursor#ANY}. */
    static Decoded<Long> start(Optional<String> from, Optional<String> lastEventId) {
        if (lastEventId.isPresent()) {
            long last = height(lastEventId.get().trim(), 0);
            return last < 0 ? bad("Last-Event-ID must be a block height, got '" + lastEventId.get() + "'")
                    : Decoded.ok(last + 1);
        }
        if (from.isPresent()) {
            long h = height(from.get(), 1);
            return h < 0 ? bad("from must be a block height (decimal, at least 1), got '" + from.get() + "'")
                    : Decoded.ok(h);
        }
        return Decoded.ok(HeightCursor.ANY);
    }

    Source<ByteString, NotUsed> events(long from) {
        Source<BlockView, NotUsed> live = chain.live();
        return Source.fromMaterializer((mat, attributes) -> {
                    // A fresh cursor per materialization: the Source may be run more than once.
                    HeightCursor cursor = new HeightCursor(chain, limits.streamPageSize(), from);
                    Source<BlockView, NotUsed> replay = from == HeightCursor.ANY ? Source.empty()
                            : cursor.stored(from, HeightCursor.HEAD);
                    // concatLazy: the live feed is subscribed only when the replay has ended.
                    return replay.concatLazy(live).flatMapConcat(cursor::admit);
                })
                .mapMaterializedValue(done -> NotUsed.getInstance())
                .map(this::event)
                .recover(new PFBuilder<Throwable, ByteString>().matchAny(this::ended).build())
                .keepAlive(limits.heartbeat(), () -> SseFrames.HEARTBEAT);
    }

    /**
     * The live feed dropped a slow subscriber, or storage could not fill a gap: end the response
     * cleanly with a comment saying why (an EventSource then reconnects with Last-Event-ID and
     * resumes) instead of aborting the connection mid-chunk.
     */
    private ByteString ended(Throwable failure) {
        LOG.warn("block stream ended early error=\"{}\"", failure.toString());
        return SseFrames.comment("stream ended: " + failure.getMessage() + "; reconnect with Last-Event-ID to resume");
    }

    /** Finality as of sending: a live block is usually just committed; a replayed one may be settled. */
    ByteString event(BlockView block) {
        long height = block.block().height();
        return SseFrames.event(EVENT, Long.toString(height),
                Json.write(BlockJson.of(block, false, checkpoints.finality(height))));
    }

    /** A decimal height of at least {@code min}, or -1. */
    private static long height(String text, long min) {
        if (!text.matches("[0-9]{1,18}")) {
            return -1;
        }
        long h = Long.parseLong(text);
        return h < min ? -1 : h;
    }

    private static <T> Decoded<T> bad(String message) {
        return JsonBody.bad(message);
    }
}
