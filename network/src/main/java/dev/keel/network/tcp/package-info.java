/**
 * The transport on Pekko Streams TCP: {@link dev.keel.network.tcp.PekkoTransport} binds the
 * listener and keeps one outbound link per peer (bounded queue, redial with backoff); each
 * connection runs a {@code SecureLinkStage} (framing, handshake, sealing) and inbound plaintext is
 * decoded and handed to {@link dev.keel.network.Inbound}.
 */
package dev.keel.network.tcp;
