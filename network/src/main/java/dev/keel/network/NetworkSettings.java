package dev.keel.network;

import dev.keel.consensus.crypto.KeyPair;
import dev.keel.consensus.types.ChainContext;
import dev.keel.consensus.types.PublicKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;

/**
 * Everything a transport needs, usually built from the genesis file and the node config.
 *
 * @param chainId          checked in the handshake, so nodes of different chains never link up
 * @param self             this validator's index
 * @param networkKeys      this validator's long-term Ed25519 network key pair; its public half must
 *                         be the key pinned for {@code self} in {@code validators}
 * @param validators       every validator, self included, in index order ({@code validators.get(i).index() == i})
 * @param limits           wire ceilings, see {@link NetworkLimits}
 * @param queueSize        outbound messages buffered per peer; more are dropped and counted
 * @param backoff          reconnect schedule
 * @param handshakeTimeout a connection that has not authenticated by then is closed
 * @param connectTimeout   TCP connect timeout for outbound links
 * @param bindHost         the local address to listen on; empty means this validator's address in
 *                         {@code validators} (a host behind NAT or in a container listens on
 *                         another address, e.g. 0.0.0.0, than the one its peers dial)
 */
public record NetworkSettings(String chainId, int self, KeyPair networkKeys, List<PeerAddress> validators,
                              NetworkLimits limits, int queueSize, Backoff backoff, Duration handshakeTimeout,
                              Duration connectTimeout, String bindHost) {
    public static final int DEFAULT_QUEUE_SIZE = 1024;
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);

    public NetworkSettings {
        validators = List.copyOf(validators);
        bindHost = bindHost == null ? "" : bindHost;
        int bytes = chainId.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < 1 || bytes > ChainContext.MAX_CHAIN_ID_BYTES) {
            throw new IllegalArgumentException("chain id must be 1.." + ChainContext.MAX_CHAIN_ID_BYTES + " bytes");
        }
        if (validators.isEmpty() || validators.size() > limits.maxValidators()) {
            throw new IllegalArgumentException("validator count must be 1.." + limits.maxValidators());
        }
        checkIndexOrder(validators);
        if (self < 0 || self >= validators.size()) {
            throw new IllegalArgumentException("self index " + self + " not among " + validators.size() + " validators");
        }
        if (!validators.get(self).networkKey().equals(networkKeys.publicKey())) {
            throw new IllegalArgumentException("network key pair does not match the key pinned for validator " + self);
        }
        if (queueSize < 1 || queueSize > 1_000_000) {
            throw new IllegalArgumentException("queue size must be 1..1000000");
        }
        if (!isPositive(handshakeTimeout) || !isPositive(connectTimeout)) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** Settings with the default limits, queue size, backoff and timeouts. */
    public static NetworkSettings of(String chainId, int self, KeyPair networkKeys, List<PeerAddress> validators) {
        return new NetworkSettings(chainId, self, networkKeys, validators, NetworkLimits.DEFAULT, DEFAULT_QUEUE_SIZE,
                Backoff.DEFAULT, DEFAULT_HANDSHAKE_TIMEOUT, DEFAULT_CONNECT_TIMEOUT, "");
    }

    public NetworkSettings withLimits(NetworkLimits l) {
        return new NetworkSettings(chainId, self, networkKeys, validators, l, queueSize, backoff, handshakeTimeout,
                connectTimeout, bindHost);
    }

    public NetworkSettings withQueueSize(int size) {
        return new NetworkSettings(chainId, self, networkKeys, validators, limits, size, backoff, handshakeTimeout,
                connectTimeout, bindHost);
    }

    public NetworkSettings withBackoff(Backoff b) {
        return new NetworkSettings(chainId, self, networkKeys, validators, limits, queueSize, b, handshakeTimeout,
                connectTimeout, bindHost);
    }

    public NetworkSettings withHandshakeTimeout(Duration t) {
        return new NetworkSettings(chainId, self, networkKeys, validators, limits, queueSize, backoff, t,
                connectTimeout, bindHost);
    }

    public NetworkSettings withBindHost(String host) {
        return new NetworkSettings(chainId, self, networkKeys, validators, limits, queueSize, backoff, handshakeTimeout,
                connectTimeout, host);
    }

    /** Where to listen: {@link #bindHost} if set, else the address peers dial. */
    public String listenHost() {
        return bindHost.isEmpty() ? selfAddress().host() : bindHost;
    }

    public PeerAddress selfAddress() {
        return validators.get(self);
    }

    /** The pinned network keys, by index: what the handshake checks peers against. */
    public List<PublicKey> pinnedKeys() {
        return validators.stream().map(PeerAddress::networkKey).toList();
    }

    private static void checkIndexOrder(List<PeerAddress> validators) {
        var keys = new HashSet<PublicKey>();
        for (int i = 0; i < validators.size(); i++) {
            PeerAddress p = validators.get(i);
            if (p.index() != i) {
                throw new IllegalArgumentException("validator at position " + i + " has index " + p.index());
            }
            if (!keys.add(p.networkKey())) {
                throw new IllegalArgumentException("validator " + i + " reuses another validator's network key");
            }
        }
    }

    private static boolean isPositive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }
}
