package dev.keel.network.tcp;

import dev.keel.network.handshake.Handshake;
import dev.keel.network.handshake.HandshakeException;
import dev.keel.network.handshake.Session;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

/** A hand-driven TCP client: speaks (or abuses) the protocol byte by byte. */
final class RawPeer implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RawPeer(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void writeFrame(byte[] body) throws IOException {
        writeRaw(ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array());
    }

    byte[] readFrame() throws IOException {
        int n = in.readInt();
        byte[] body = new byte[n];
        in.readFully(body);
        return body;
    }

    /** Runs our side of the handshake as initiator. */
    Session handshake(Handshake h) throws IOException, HandshakeException {
        writeFrame(h.hello());
        writeFrame(h.onPeerHello(readFrame()));
        return h.onPeerAuth(readFrame());
    }

    /** True once the node has closed the connection (EOF or reset), false if it is still open after 5 s. */
    boolean closedByNode() throws IOException {
        try {
            while (in.read() >= 0) {
                // skip whatever the node sent before closing (its hello)
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset: the node closed with our unread bytes in its buffer
        }
    }

    /** Our end is still open (says nothing about the node's end). */
    boolean isOpen() {
        return !socket.isClosed();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
