package dev.keel.network.tcp;

import dev.keel.consensus.message.Message;
import dev.keel.network.Inbound;
import dev.keel.network.NetworkSettings;
import dev.keel.network.RejectReason;
import dev.keel.network.codec.DecodeException;
import dev.keel.network.codec.WireCodec;
import dev.keel.network.handshake.Handshake;
import dev.keel.network.handshake.HandshakeContext;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.BidiFlow;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.Tcp;
import org.apache.pekko.util.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections peers dialed to us, which carry what they send. Each accepted socket runs
 * a responder {@link SecureLinkStage}; authenticated plaintext is decoded and handed to
 * {@link Inbound}; the first undecodable frame rejects the peer and closes the connection
 * (it is authenticated, so it is the peer's software that is broken or hostile, not the network).
 */
final class InboundLinks {
    private static final Logger LOG = LoggerFactory.getLogger(InboundLinks.class);

    private final NetworkSettings settings;
    private final HandshakeContext context;
    private final SecureRandom random;
    private final WireCodec codec;
    private final Inbound inbound;
    private final Map<Integer, PeerCounters> counters;
    private final RejectionLog rejections;
    private final Materializer mat;
    private final AtomicInteger open = new AtomicInteger();
    private final Set<LinkControl> all = ConcurrentHashMap.newKeySet();
    private final Map<Integer, LinkControl> byPeer = new ConcurrentHashMap<>();

    InboundLinks(NetworkSettings settings, HandshakeContext context, SecureRandom random, WireCodec codec,
                 Inbound inbound, Map<Integer, PeerCounters> counters, RejectionLog rejections, Materializer mat) {
        this.settings = settings;
        this.context = context;
        this.random = random;
        this.codec = codec;
        this.inbound = inbound;
        this.counters = counters;
        this.rejections = rejections;
        this.mat = mat;
    }

    /** Runs on the listener's stream: must never throw, or the listener would stop accepting. */
    void onConnection(Tcp.IncomingConnection conn) {
        try {
            if (open.incrementAndGet() > settings.limits().maxInboundConnections()) {
                open.decrementAndGet();
                rejections.record(RejectReason.TOO_MANY_CONNECTIONS, -1, "from " + conn.remoteAddress());
                conn.handleWith(Flow.fromSinkAndSource(Sink.<ByteString>cancelled(), Source.<ByteString>empty()), mat);
                return;
            }
            Connection c = new Connection();
            var stage = new SecureLinkStage(() -> Handshake.responder(context, random),
                    settings.limits().maxFrameBytes(), settings.handshakeTimeout(), c);
            // The responder sends nothing after the handshake: its app input never completes,
            // and is cancelled together with the decode side (coupled), closing the socket.
            Flow<ByteString, ByteString, NotUsed> app = Flow.fromSinkAndSourceCoupled(
                    Flow.<ByteString>create().takeWhile(c::deliver).to(Sink.ignore()), Source.<ByteString>never());
            conn.handleWith(BidiFlow.fromGraph(stage).reversed().join(app), mat);
        } catch (RuntimeException e) {
            LOG.error("could not handle connection from {}", conn.remoteAddress(), e);
        }
    }

    void closeAll() {
        all.forEach(LinkControl::close);
    }

    /** One accepted connection: unauthenticated until the handshake names its validator. */
    private final class Connection implements LinkListener {
        private LinkControl control;
        private volatile int peer = -1;

        @Override
        public void onOpen(LinkControl c) {
            control = c;
            all.add(c);
        }

        @Override
        public void onEstablished(int validator) {
            peer = validator;
            // A peer keeps one link to us; a new one means the old one is dead (e.g. it restarted).
            LinkControl previous = byPeer.put(validator, control);
            if (previous != null) {
                previous.close();
            }
            LOG.debug("inbound link up peer={}", validator);
        }

        @Override
        public void onFrameSent(int wireBytes) {
            counters.get(peer).bytesOut.addAndGet(wireBytes);
        }

        @Override
        public void onFrameReceived(int wireBytes) {
            counters.get(peer).bytesIn.addAndGet(wireBytes);
        }

        @Override
        public void onRejected(RejectReason reason, String detail) {
            int p = peer;
            if (p >= 0) {
                counters.get(p).rejected.incrementAndGet();
            }
            rejections.record(reason, p, detail);
        }

        @Override
        public void onClosed() {
            open.decrementAndGet();
            all.remove(control);
            if (peer >= 0) {
                byPeer.remove(peer, control);
            }
        }

        /** Decodes and hands over one authenticated frame; false rejects the peer and ends the connection. */
        boolean deliver(ByteString plaintext) {
            int p = peer;
            Message m;
            try {
                m = codec.decode(plaintext.toArrayUnsafe());
            } catch (DecodeException e) {
                onRejected(RejectReason.UNDECODABLE, e.getMessage());
                return false;
            }
            counters.get(p).messagesIn.incrementAndGet();
            try {
                inbound.onMessage(p, m);
            } catch (RuntimeException e) {
                LOG.error("Inbound.onMessage failed peer={} message={}", p, m.getClass().getSimpleName(), e);
            }
            return true;
        }
    }
}
