package dev.keel.node.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what a normal client will not do: declare a body and not send
 * it, stall mid-body, stream an endless chunked body. Proves the server answers without having
 * read (or buffered) the whole body.
 */
final class RawHttp implements AutoCloseable {
    /** A parsed response: status, headers (lower-case names), body. */
    record Response(int status, Map<String, String> headers, String body) {
    }

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    RawHttp(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        out = socket.getOutputStream();
        in = new java.io.BufferedInputStream(socket.getInputStream());
    }

    void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Writes a chunk of a chunked body; false when the server has closed the connection. */
    boolean chunk(byte[] bytes) {
        try {
            write(Integer.toHexString(bytes.length) + "\r\n");
            write(bytes);
            write("\r\n");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the server has started answering within {@code waitMillis}. */
    boolean answered(long waitMillis) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        while (in.available() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return in.available() > 0;
    }

    Response read() throws IOException {
        String status = line();
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Response(Integer.parseInt(status.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    /** Everything up to and including {@code suffix} (raw bytes as ISO-8859-1); fails at end of stream. */
    String readUntil(String suffix) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (!(sb.length() >= suffix.length() && sb.substring(sb.length() - suffix.length()).equals(suffix))) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed before '" + suffix.replace("\r\n", "\\r\\n") + "'");
            }
            sb.append((char) c);
        }
        return sb.toString();
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed mid-line after '" + b + "'");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
