package dev.keel.network.handshake;

/**
 * An established, authenticated channel with validator {@code peer}: the cipher that seals what
 * we send and the one that opens what we receive.
 */
public final class Session {
    private final int peer;
    private final FrameCipher sealer;
    private final FrameCipher opener;

    Session(int peer, FrameCipher sealer, FrameCipher opener) {
        this.peer = peer;
        this.sealer = sealer;
        this.opener = opener;
    }

    /** The authenticated validator index of the other side. */
    public int peer() {
        return peer;
    }

    public byte[] seal(byte[] plaintext) {
        return sealer.seal(plaintext);
    }

    public byte[] open(byte[] sealed) throws TamperedFrameException {
        return opener.open(sealed);
    }
}
