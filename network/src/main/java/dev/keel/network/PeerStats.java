package dev.keel.network;

/**
 * A snapshot of one peer link's counters.
 *
 * @param connected   our outbound link to the peer is authenticated and up (a send can reach it now)
 * @param bytesIn     wire bytes (frames, after the handshake) received from the peer
 * @param bytesOut    wire bytes sent to the peer
 * @param messagesIn  messages from the peer decoded and handed to {@link Inbound}
 * @param messagesOut messages sealed and written to the peer's link
 * @param dropped     messages not sent: the peer's bounded queue was full (peer down or slow), or
 *                    the message was too large for a frame
 * @param rejected    protocol violations by this peer (see {@link RejectReason}), each closing a link
 * @param reconnects  times our link to the peer came back up after the first time
 */
public record PeerStats(int validator, boolean connected, long bytesIn, long bytesOut, long messagesIn,
                        long messagesOut, long dropped, long rejected, long reconnects) {
}
