package dev.keel.network.frame;

import org.apache.pekko.util.ByteString;

/**
 * Splits a TCP byte stream into frames: a 4-byte big-endian unsigned length, then that many
 * bytes. The length is checked against the cap as soon as its 4 bytes are in, before a single
 * byte of the body is buffered or allocated, so the memory one connection can hold is bounded
 * by {@code cap + one read chunk}. The cap is small during the handshake and raised to the full
 * frame size once the peer has authenticated: an anonymous peer cannot make us buffer megabytes.
 *
 * <p>Not thread-safe: one per connection, used from that connection's stream stage.
 */
public final class FrameDecoder {
    public static final int HEADER_BYTES = 4;

    private ByteString buffer = ByteString.emptyByteString();
    private int maxFrameBytes;

    public FrameDecoder(int maxFrameBytes) {
        setMaxFrameBytes(maxFrameBytes);
    }

    public void setMaxFrameBytes(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("negative frame cap");
        }
        this.maxFrameBytes = max;
    }

    /** Adds bytes read from the socket. The caller reads more only when {@link #next()} returns null. */
    public void append(ByteString chunk) {
        buffer = buffer.concat(chunk);
    }

    /** Bytes received but not yet returned as frames. */
    public int buffered() {
        return buffer.size();
    }

    /**
     * The next complete frame body, or null when more bytes are needed.
     *
     * @throws FrameTooLargeException if the next length prefix exceeds the cap; the stream is
     *                                then unusable (framing is lost) and must be closed
     */
    public ByteString next() throws FrameTooLargeException {
        if (buffer.size() < HEADER_BYTES) {
            return null;
        }
        long length = ((long) (buffer.apply(0) & 0xff) << 24) | ((buffer.apply(1) & 0xff) << 16)
                | ((buffer.apply(2) & 0xff) << 8) | (buffer.apply(3) & 0xff);
        if (length > maxFrameBytes) {
            throw new FrameTooLargeException(length, maxFrameBytes);
        }
        int end = HEADER_BYTES + (int) length;
        if (buffer.size() < end) {
            return null;
        }
        ByteString body = buffer.slice(HEADER_BYTES, end);
        buffer = buffer.drop(end);
        return body;
    }

    /** Prefixes {@code body} with its length. No copy of the body: ByteString concatenation is a rope. */
    public static ByteString encode(ByteString body) {
        int n = body.size();
        byte[] header = {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
        return ByteString.fromArrayUnsafe(header).concat(body);
    }

    public static ByteString encode(byte[] body) {
        return encode(ByteString.fromArrayUnsafe(body));
    }
}
