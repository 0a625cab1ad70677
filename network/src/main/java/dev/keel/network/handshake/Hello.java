package dev.keel.network.handshake;

import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.ChainContext;
import dev.keel.consensus.types.PublicKey;
import dev.keel.network.RejectReason;
import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The first handshake message each side sends: who it claims to be (chain, index, static
 * network key) and its fresh ephemeral X25519 key and nonce. Nothing here is trusted until the
 * signature over both hellos verifies with the key pinned for {@code index}.
 *
 * <p>Wire form (big-endian, fixed except the chain id): {@code u8 type=1, u16 version,
 * u8 chainIdLength, chainId (UTF-8), u32 index, 32 staticKey, 32 ephemeral, 32 nonce}.
 * It is hand-written rather than Kryo: it is parsed from unauthenticated peers, and at most
 * {@link #MAX_BYTES} long.
 */
public record Hello(int version, String chainId, int index, PublicKey staticKey, Bytes ephemeral, Bytes nonce) {
    static final byte TYPE = 1;
    public static final int KEY_BYTES = 32;
    public static final int NONCE_BYTES = 32;
    public static final int MAX_BYTES = 1 + 2 + 1 + ChainContext.MAX_CHAIN_ID_BYTES + 4 + 3 * 32;

    public Hello {
        if (ephemeral.length() != KEY_BYTES || nonce.length() != NONCE_BYTES) {
            throw new IllegalArgumentException("ephemeral key and nonce must be 32 bytes");
        }
    }

    public byte[] encode() {
        byte[] chain = chainId.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(1 + 2 + 1 + chain.length + 4 + 3 * 32);
        b.put(TYPE).putShort((short) version).put((byte) chain.length).put(chain).putInt(index);
        b.put(staticKey.bytes().unsafeArray()).put(ephemeral.unsafeArray()).put(nonce.unsafeArray());
        return b.array();
    }

    public static Hello decode(byte[] frame) throws HandshakeException {
        try {
            ByteBuffer b = ByteBuffer.wrap(frame);
            if (b.get() != TYPE) {
                throw malformed("expected a hello");
            }
            int version = b.getShort() & 0xffff;
            int chainLength = b.get() & 0xff;
            if (chainLength == 0 || chainLength > ChainContext.MAX_CHAIN_ID_BYTES) {
                throw malformed("chain id of " + chainLength + " bytes");
            }
            String chainId = utf8(b, chainLength);
            int index = b.getInt();
            PublicKey key = new PublicKey(Bytes.wrap(take(b, KEY_BYTES)));
            Bytes ephemeral = Bytes.wrap(take(b, KEY_BYTES));
            Bytes nonce = Bytes.wrap(take(b, NONCE_BYTES));
            if (b.hasRemaining()) {
                throw malformed(b.remaining() + " trailing bytes");
            }
            return new Hello(version, chainId, index, key, ephemeral, nonce);
        } catch (BufferUnderflowException e) {
            throw malformed("truncated hello");
        }
    }

    private static String utf8(ByteBuffer b, int n) throws HandshakeException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(take(b, n))).toString();
        } catch (CharacterCodingException e) {
            throw malformed("chain id is not UTF-8");
        }
    }

    private static byte[] take(ByteBuffer b, int n) {
        byte[] out = new byte[n]; // n is a constant or at most 255: no peer-sized allocation
        b.get(out);
        return out;
    }

    private static HandshakeException malformed(String detail) {
        return new HandshakeException(RejectReason.MALFORMED_HANDSHAKE, detail);
    }
}
