package dev.keel.network.tcp;

import dev.keel.network.NetworkSettings;
import dev.keel.network.PeerAddress;
import dev.keel.network.RejectReason;
import dev.keel.network.handshake.Handshake;
import dev.keel.network.handshake.HandshakeContext;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.event.Logging;
import org.apache.pekko.io.TcpSO;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.RestartSettings;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.BidiFlow;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.RestartFlow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.Tcp;
import org.apache.pekko.util.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our connection to one peer, used only for sending (the peer's own connection to us carries
 * what it sends: each side dials every other and sends on its own link, so there is never a
 * question of which of two links to keep).
 *
 * <pre>
 *   bounded queue ─▶ kill switch ─▶ RestartFlow[ SecureLinkStage ⋈ TCP ] ─▶ ignore
 * </pre>
 *
 * The queue outlives connections: while the link is down or slow it buffers up to
 * {@code queueSize} encoded messages, and what does not fit is dropped and counted (the protocol
 * tolerates loss; unbounded buffering would not survive a dead peer). {@link RestartFlow}
 * redials with capped exponential backoff whenever the connection ends, for any reason.
 */
final class OutboundLink {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundLink.class);

    private final PeerAddress peer;
    private final NetworkSettings settings;
    private final HandshakeContext context;
    private final SecureRandom random;
    private final PeerCounters counters;
    private final RejectionLog rejections;
    private final ClassicActorSystemProvider system;
    private final AtomicBoolean everConnected = new AtomicBoolean();
    private volatile LinkControl current;
    private BoundedSourceQueue<ByteString> queue;
    private UniqueKillSwitch killSwitch;
    private CompletionStage<Done> done;

    OutboundLink(PeerAddress peer, NetworkSettings settings, HandshakeContext context, SecureRandom random,
                 PeerCounters counters, RejectionLog rejections, ClassicActorSystemProvider system) {
        this.peer = peer;
        this.settings = settings;
        this.context = context;
        this.random = random;
        this.counters = counters;
        this.rejections = rejections;
        this.system = system;
    }

    void start(Materializer mat) {
        Pair<Pair<BoundedSourceQueue<ByteString>, UniqueKillSwitch>, CompletionStage<Done>> handles =
                Source.<ByteString>queue(settings.queueSize())
                        .viaMat(KillSwitches.single(), Keep.both())
                        .via(RestartFlow.withBackoff(restartSettings(), this::connection))
                        .toMat(Sink.ignore(), Keep.both())
                        .run(mat);
        queue = handles.first().first();
        killSwitch = handles.first().second();
        done = handles.second();
    }

    /** Queues an encoded message; never blocks. A full queue or a closed link counts a drop. */
    void offer(ByteString message) {
        QueueOfferResult r = queue.offer(message);
        if (!QueueOfferResult.enqueued().equals(r)) {
            counters.dropped.incrementAndGet();
            LOG.debug("dropped message peer={} result={}", peer.index(), r);
        }
    }

    /** Stops redialing and closes the current connection; completes when the link's stream has ended. */
    CompletionStage<Done> close() {
        killSwitch.shutdown();
        LinkControl c = current;
        if (c != null) {
            c.close();
        }
        return done;
    }

    private RestartSettings restartSettings() {
        Duration max = settings.backoff().max();
        return RestartSettings.create(settings.backoff().min(), max, settings.backoff().randomFactor())
                // By default the delay resets when no restart happened within minBackoff, i.e. after
                // every delay longer than that: exponential growth would never start.
                .withMaxRestarts(Integer.MAX_VALUE, max.multipliedBy(2))
                .withLogSettings(RestartSettings.createLogSettings(Logging.DebugLevel()));
    }

    /** Called by RestartFlow for every (re)connection attempt: a fresh socket, handshake and listener. */
    private Flow<ByteString, ByteString, NotUsed> connection() {
        var address = InetSocketAddress.createUnresolved(peer.host(), peer.port());
        // halfClose = true: with false, Pekko's TCP stage dereferences a null connection if our side
        // completes while the connect is still pending (on close, or a handshake timeout); with true
        // it defers the close until connected. Once we are done, the stage closes both directions anyway.
        var tcp = Tcp.get(system).outgoingConnection(address, Optional.empty(), List.of(TcpSO.tcpNoDelay(true)),
                true, Optional.of(settings.connectTimeout()), Optional.empty());
        var stage = new SecureLinkStage(() -> Handshake.initiator(context, peer.index(), random),
                settings.limits().maxFrameBytes(), settings.handshakeTimeout(), new Listener());
        return BidiFlow.fromGraph(stage).join(tcp).mapMaterializedValue(m -> NotUsed.notUsed());
    }

    /** Events of one connection attempt. */
    private final class Listener implements LinkListener {
        private LinkControl control;
        private boolean established;

        @Override
        public void onOpen(LinkControl c) {
            control = c;
            current = c;
        }

        @Override
        public void onEstablished(int validator) {
            established = true;
            counters.connected.set(true);
            boolean again = everConnected.getAndSet(true);
            if (again) {
                counters.reconnects.incrementAndGet();
            }
            LOG.info("link up peer={} address={}:{} reconnect={}", peer.index(), peer.host(), peer.port(), again);
        }

        @Override
        public void onFrameSent(int wireBytes) {
            counters.bytesOut.addAndGet(wireBytes);
            counters.messagesOut.incrementAndGet();
        }

        @Override
        public void onFrameReceived(int wireBytes) {
            counters.bytesIn.addAndGet(wireBytes); // peers send on their own links; counted, then ignored
        }

        @Override
        public void onRejected(RejectReason reason, String detail) {
            // We dialed this peer's address, so whoever answered is accounted to it.
            counters.rejected.incrementAndGet();
            rejections.record(reason, peer.index(), detail);
        }

        @Override
        public void onClosed() {
            if (established) {
                counters.connected.set(false);
                LOG.info("link down peer={}", peer.index());
            }
            if (current == control) {
                current = null;
            }
        }
    }
}
