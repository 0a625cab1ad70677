package dev.keel.node.http;

import static org.apache.pekko.http.javadsl.server.Directives.extractClientIP;
import static org.apache.pekko.http.javadsl.server.Directives.optionalAttribute;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.AttributeKeys;
import org.apache.pekko.http.javadsl.model.RemoteAddress;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Who sent a transaction, for the mempool's per-source share (fairness: one client cannot fill
 * the pool). The address comes from the TCP peer, which needs
 * {@code pekko.http.server.remote-address-attribute = on}; without it every client is
 * {@value #UNKNOWN} and shares one quota. Never a {@code peer:<i>} name: those are validators'.
 */
final class ClientSource {
    static final String UNKNOWN = "unknown";

    private ClientSource() {
    }

    /**
     * {@code trustForwardedFor}: use pekko's {@code extractClientIP}, which prefers the
     * {@code X-Forwarded-For} / {@code X-Real-IP} headers — right behind a reverse proxy that
     * overwrites them, wrong when clients connect directly (they could invent an address per request).
     */
    static Route extract(boolean trustForwardedFor, Function<String, Route> inner) {
        if (trustForwardedFor) {
            return extractClientIP(ip -> inner.apply(name(ip)));
        }
        return optionalAttribute(AttributeKeys.remoteAddress,
                ip -> inner.apply(ip.map(ClientSource::name).orElse(UNKNOWN)));
    }

    static String name(RemoteAddress address) {
        return address.getAddress().map(ClientSource::name).orElse(UNKNOWN);
    }

    /** IPv6 clients are grouped by /64: one host is usually given a whole /64 and could rotate within it. */
    static String name(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] prefix = Arrays.copyOf(v6.getAddress(), 16);
            Arrays.fill(prefix, 8, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                throw new AssertionError("16 bytes are an IPv6 address", e);
            }
        }
        return address.getHostAddress();
    }
}
