package dev.keel.network.tcp;

import dev.keel.consensus.message.Message;
import dev.keel.network.Inbound;
import dev.keel.network.NetworkSettings;
import dev.keel.network.PeerAddress;
import dev.keel.network.PeerStats;
import dev.keel.network.RejectReason;
import dev.keel.network.Transport;
import dev.keel.network.codec.WireCodec;
import dev.keel.network.handshake.HandshakeContext;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.io.TcpSO;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Tcp;
import org.apache.pekko.util.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The validator transport on Pekko Streams TCP (deliberately not Pekko remoting or cluster,
 * which trust their peers). Listens on this validator's address for peers' links, and keeps one
 * authenticated, encrypted outbound link to every other validator, redialed with backoff.
 * Each side sends only on the link it dialed. See the network README for the wire protocol.
 *
 * <p>Thread-safety: {@link #send} and {@link #broadcast} may be called from any thread; they
 * encode on the caller's thread and never block. {@link Inbound} is called from stream threads.
 *
 * <p>Nothing a peer sends can make this class throw or stop: framing, handshake, decryption and
 * decoding failures are {@link RejectReason rejections}, counted and reported to
 * {@link Inbound#onRejected}, and they close only the offending connection.
 */
public final class PekkoTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(PekkoTransport.class);
    private static final long BIND_TIMEOUT_SECONDS = 10;
    private static final long UNBIND_TIMEOUT_SECONDS = 3;

    private final NetworkSettings settings;
    private final WireCodec codec;
    private final Materializer mat;
    private final Map<Integer, PeerCounters> counters;
    private final Map<Integer, OutboundLink> links;
    private final RejectionLog rejections;
    private final InboundLinks inboundLinks;
    private final AtomicBoolean closed = new AtomicBoolean();
    private Tcp.ServerBinding binding;

    private PekkoTransport(ClassicActorSystemProvider system, NetworkSettings settings, Inbound inbound) {
        this.settings = settings;
        this.codec = new WireCodec(settings.limits());
        this.mat = Materializer.createMaterializer(system);
        this.rejections = new RejectionLog(inbound);
        var context = HandshakeContext.of(settings);
        var random = new SecureRandom();
        Map<Integer, PeerCounters> c = new TreeMap<>();
        Map<Integer, OutboundLink> l = new TreeMap<>();
        for (PeerAddress p : settings.validators()) {
            if (p.index() != settings.self()) {
                c.put(p.index(), new PeerCounters(p.index()));
                l.put(p.index(), new OutboundLink(p, settings, context, random, c.get(p.index()), rejections, system));
            }
        }
        this.counters = Collections.unmodifiableMap(c);
        this.links = Collections.unmodifiableMap(l);
        this.inboundLinks = new InboundLinks(settings, context, random, codec, inbound, counters, rejections, mat);
    }

    /**
     * Binds this validator's address, then starts dialing every peer. Returns once the listener is
     * bound; links come up in the background (see {@link #connectedPeers()}).
     *
     * @param system a typed or classic actor system; the transport gets its own materializer in it
     * @throws IllegalStateException naming host:port if the address cannot be bound (e.g. in use)
     */
    public static PekkoTransport start(ClassicActorSystemProvider system, NetworkSettings settings, Inbound inbound) {
        PekkoTransport t = new PekkoTransport(system, settings, inbound);
        t.bind(system);
        t.links.values().forEach(link -> link.start(t.mat));
        LOG.info("network started validator={} listen={}:{} peers={}", settings.self(), settings.listenHost(),
                settings.selfAddress().port(), t.links.size());
        return t;
    }

    private void bind(ClassicActorSystemProvider system) {
        PeerAddress self = settings.selfAddress();
        CompletionStage<Tcp.ServerBinding> bound = Tcp.get(system)
                .bind(settings.listenHost(), self.port(), 128, List.of(TcpSO.reuseAddress(true)), false, java.util.Optional.empty())
                .to(Sink.foreach(inboundLinks::onConnection))
                .run(mat);
        try {
            binding = bound.toCompletableFuture().get(BIND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            mat.shutdown();
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("validator " + settings.self() + " cannot listen on " + settings.listenHost() + ":"
                    + self.port() + " (" + cause + ")", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            mat.shutdown();
            throw new IllegalStateException("interrupted while binding " + self.host() + ":" + self.port(), e);
        }
    }

    /** To one validator. Sending to ourselves or to an index outside the set does nothing: the core handles its own messages. */
    @Override
    public void send(int validator, Message message) {
        OutboundLink link = links.get(validator);
        if (link == null || closed.get()) {
            LOG.debug("not sent validator={} message={}", validator, message.getClass().getSimpleName());
            return;
        }
        ByteString bytes = encode(message, 1);
        if (bytes == null) {
            counters.get(validator).dropped.incrementAndGet();
            return;
        }
        link.offer(bytes);
    }

    /** Encodes once, then queues the same bytes on every peer's link. */
    @Override
    public void broadcast(Message message) {
        if (closed.get()) {
            return;
        }
        ByteString bytes = encode(message, links.size());
        for (var e : links.entrySet()) {
            if (bytes == null) {
                counters.get(e.getKey()).dropped.incrementAndGet();
            } else {
                e.getValue().offer(bytes);
            }
        }
    }

    /** Null when the message is too large for any peer to accept: a local limit, dropped and logged. */
    private ByteString encode(Message message, int recipients) {
        try {
            return ByteString.fromArrayUnsafe(codec.encode(message));
        } catch (IllegalArgumentException e) {
            LOG.warn("message dropped, too large recipients={} detail=\"{}\"", recipients, e.getMessage());
            return null;
        }
    }

    /** Peers our outbound link to is authenticated and up: the ones a send can reach now. */
    @Override
    public int connectedPeers() {
        return (int) counters.values().stream().filter(c -> c.connected.get()).count();
    }

    /**
     * Per peer, by index. {@code connected} is our outbound link; bytes and messages out are what it
     * sent, in what the peer's link to us delivered; {@code dropped} counts messages that did not
     * fit the queue (or were too large); {@code rejected} counts protocol violations by that peer;
     * {@code reconnects} counts links re-established after the first.
     */
    @Override
    public Map<Integer, PeerStats> stats() {
        Map<Integer, PeerStats> out = new TreeMap<>();
        counters.forEach((i, c) -> out.put(i, c.snapshot()));
        return Collections.unmodifiableMap(out);
    }

    /** Every rejection since start, by reason, including those of connections that never authenticated. */
    public Map<RejectReason, Long> rejections() {
        return rejections.snapshot();
    }

    /** Where the listener is bound. */
    public InetSocketAddress localAddress() {
        return binding.localAddress();
    }

    /** Stops accepting, closes every link, and waits (briefly) until the port is released. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            binding.unbind().toCompletableFuture().get(UNBIND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("unbind did not complete cleanly validator={} cause=\"{}\"", settings.self(), e.toString());
        }
        var linksDone = links.values().stream().map(l -> l.close().toCompletableFuture()).toArray(CompletableFuture[]::new);
        inboundLinks.closeAll();
        try {
            // Let the links finish on their own first: shutting the materializer down under a
            // RestartFlow that is just redialing makes Pekko log a spurious error.
            CompletableFuture.allOf(linksDone).get(UNBIND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("links still closing validator={}", settings.self());
        }
        mat.shutdown();
        LOG.info("network stopped validator={}", settings.self());
    }
}
