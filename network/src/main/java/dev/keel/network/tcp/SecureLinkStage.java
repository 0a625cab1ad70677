package dev.keel.network.tcp;

import dev.keel.network.RejectReason;
import dev.keel.network.frame.FrameDecoder;
import dev.keel.network.frame.FrameTooLargeException;
import dev.keel.network.handshake.Handshake;
import dev.keel.network.handshake.HandshakeException;
import dev.keel.network.handshake.Session;
import dev.keel.network.handshake.TamperedFrameException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.Supplier;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.BidiShape;
import org.apache.pekko.stream.Inlet;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.stage.AbstractInHandler;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.stream.stage.GraphStageLogic;
import org.apache.pekko.stream.stage.TimerGraphStageLogic;
import org.apache.pekko.util.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's protocol, between the application (plaintext encoded messages) and the TCP
 * byte stream: framing, the {@link Handshake}, then sealing and opening frames.
 *
 * <pre>
 *   appIn  (plaintext to send)  ──seal──▶ wireOut (framed ciphertext)
 *   appOut (plaintext received) ◀─open──  wireIn  (TCP bytes)
 * </pre>
 *
 * Nothing from the application leaves before the peer is authenticated (appIn is not pulled).
 * Backpressure is end to end: wireIn is pulled only when no complete frame is buffered and the
 * application wants one, so a slow consumer slows the peer's TCP sender instead of growing a
 * buffer. Any protocol violation is reported to the listener and <em>completes</em> the stage,
 * closing the socket; no peer input makes the stage fail or throw.
 */
final class SecureLinkStage extends GraphStage<BidiShape<ByteString, ByteString, ByteString, ByteString>> {
    private static final Logger LOG = LoggerFactory.getLogger(SecureLinkStage.class);
    private static final String HANDSHAKE_TIMER = "handshake";

    private final Inlet<ByteString> appIn = Inlet.create("SecureLink.appIn");
    private final Outlet<ByteString> wireOut = Outlet.create("SecureLink.wireOut");
    private final Inlet<ByteString> wireIn = Inlet.create("SecureLink.wireIn");
    private final Outlet<ByteString> appOut = Outlet.create("SecureLink.appOut");
    private final BidiShape<ByteString, ByteString, ByteString, ByteString> shape =
            BidiShape.of(appIn, wireOut, wireIn, appOut);

    private final Supplier<Handshake> handshakes;
    private final int maxFrameBytes;
    private final Duration handshakeTimeout;
    private final LinkListener listener;

    /**
     * @param handshakes a fresh handshake per materialization (each has its own ephemeral key)
     */
    SecureLinkStage(Supplier<Handshake> handshakes, int maxFrameBytes, Duration handshakeTimeout,
                    LinkListener listener) {
        this.handshakes = handshakes;
        this.maxFrameBytes = maxFrameBytes;
        this.handshakeTimeout = handshakeTimeout;
        this.listener = listener;
    }

    @Override
    public BidiShape<ByteString, ByteString, ByteString, ByteString> shape() {
        return shape;
    }

    @Override
    public GraphStageLogic createLogic(Attributes inheritedAttributes) {
        return new Logic();
    }

    private final class Logic extends TimerGraphStageLogic {
        private final FrameDecoder decoder = new FrameDecoder(Handshake.MAX_FRAME_BYTES);
        /** Frames waiting for wireOut demand: at most the two handshake frames and one sealed frame. */
        private final ArrayDeque<ByteString> toWire = new ArrayDeque<>();
        private Handshake handshake;
        private boolean helloReceived;
        private Session session;
        private boolean wireInFinished;

        Logic() {
            super(shape);
            setHandler(wireIn, new AbstractInHandler() {
                @Override
                public void onPush() {
                    decoder.append(grab(wireIn));
                    drain();
                }

                @Override
                public void onUpstreamFinish() {
                    wireInFinished = true;
                    drain();
                }

                @Override
                public void onUpstreamFailure(Throwable ex) {
                    LOG.debug("connection failed peer={} cause=\"{}\"", peerForLog(), ex.toString());
                    completeStage(); // an I/O failure is not the peer's fault to count; the owner reconnects
                }
            });
            setHandler(appOut, new AbstractOutHandler() {
                @Override
                public void onPull() {
                    drain();
                }
            });
            setHandler(appIn, new AbstractInHandler() {
                @Override
                public void onPush() {
                    ByteString frame = FrameDecoder.encode(session.seal(grab(appIn).toArrayUnsafe()));
                    tell(() -> listener.onFrameSent(frame.size()));
                    sendWire(frame);
                }
            });
            setHandler(wireOut, new AbstractOutHandler() {
                @Override
                public void onPull() {
                    if (!toWire.isEmpty()) {
                        push(wireOut, toWire.poll());
                    } else {
                        pullAppIfReady();
                    }
                }
            });
        }

        @Override
        public void preStart() {
            tell(() -> listener.onOpen(new LinkControl(createAsyncCallback(ignored -> completeStage()))));
            handshake = handshakes.get();
            sendWire(FrameDecoder.encode(handshake.hello()));
            scheduleOnce(HANDSHAKE_TIMER, handshakeTimeout);
            pull(wireIn);
        }

        @Override
        public void onTimer(Object key) {
            if (session == null) {
                reject(RejectReason.HANDSHAKE_TIMEOUT, "no authentication within " + handshakeTimeout.toMillis() + " ms");
            }
        }

        @Override
        public void postStop() {
            tell(listener::onClosed);
        }

        /** Handles every complete buffered frame the application has room for, then asks for more bytes. */
        private void drain() {
            try {
                while (session == null || isAvailable(appOut)) {
                    ByteString frame = decoder.next();
                    if (frame == null) {
                        requestBytes();
                        return;
                    }
                    if (session == null) {
                        onHandshakeFrame(frame.toArray());
                    } else {
                        byte[] plain = session.open(frame.toArrayUnsafe());
                        tell(() -> listener.onFrameReceived(FrameDecoder.HEADER_BYTES + frame.size()));
                        push(appOut, ByteString.fromArrayUnsafe(plain));
                    }
                }
            } catch (FrameTooLargeException e) {
                reject(RejectReason.OVERSIZED_FRAME, e.getMessage());
            } catch (HandshakeException e) {
                reject(e.reason(), e.detail());
            } catch (TamperedFrameException e) {
                reject(RejectReason.TAMPERED_FRAME, e.getMessage());
            }
        }

        private void requestBytes() {
            if (wireInFinished) {
                completeStage(); // the peer closed and everything it sent has been handled
            } else if (!hasBeenPulled(wireIn)) {
                pull(wireIn);
            }
        }

        private void onHandshakeFrame(byte[] frame) throws HandshakeException {
            if (!helloReceived) {
                helloReceived = true;
                sendWire(FrameDecoder.encode(handshake.onPeerHello(frame)));
                return;
            }
            session = handshake.onPeerAuth(frame);
            cancelTimer(HANDSHAKE_TIMER);
            decoder.setMaxFrameBytes(maxFrameBytes); // authenticated: full-size frames from now on
            int peer = session.peer();
            tell(() -> listener.onEstablished(peer));
            pullAppIfReady();
        }

        private void sendWire(ByteString frame) {
            if (toWire.isEmpty() && isAvailable(wireOut)) {
                push(wireOut, frame);
            } else {
                toWire.add(frame);
            }
        }

        private void pullAppIfReady() {
            if (session != null && toWire.isEmpty() && isAvailable(wireOut) && !hasBeenPulled(appIn)
                    && !isClosed(appIn)) {
                pull(appIn);
            }
        }

        private void reject(RejectReason reason, String detail) {
            tell(() -> listener.onRejected(reason, detail));
            completeStage();
        }

        private String peerForLog() {
            return session != null ? String.valueOf(session.peer()) : "unauthenticated";
        }

        /** A listener bug must not turn into a stage failure that looks like a peer's fault. */
        private void tell(Runnable call) {
            try {
                call.run();
            } catch (RuntimeException e) {
                LOG.error("link listener failed", e);
            }
        }
    }
}
