package dev.keel.network.codec;

import dev.keel.consensus.message.Message;
import dev.keel.network.MessageGen;
import dev.keel.network.NetworkLimits;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Codec fuzzing: random frames, and valid frames with one mutation, never make the decoder throw
 * anything but {@link DecodeException} (an escaping exception would kill the connection stage
 * untyped and uncounted; an OutOfMemoryError would kill the node).
 */
class CodecFuzzTest {
    private final WireCodec codec = new WireCodec(NetworkLimits.DEFAULT);

    @Provide
    Arbitrary<byte[]> validFrames() {
        return Arbitraries.randomValue(r -> codec.encode(MessageGen.message(r)));
    }

    @Property(tries = 3000)
    void randomBytesOnlyEverFailTyped(@ForAll @Size(max = 600) byte[] frame, @ForAll @IntRange(min = 99, max = 105) int id) {
        decodeTyped(frame);
        if (frame.length > 0) {
            frame[0] = (byte) id; // a valid type id, so the fuzz reaches the serializers
            decodeTyped(frame);
        }
    }

    @Property(tries = 3000)
    void mutatedFramesOnlyEverFailTyped(@ForAll("validFrames") byte[] frame, @ForAll long seed) {
        decodeTyped(mutate(frame, new Random(seed)));
    }

    @Property(tries = 500)
    void everyTruncationAndExtensionFailsTyped(@ForAll("validFrames") byte[] frame, @ForAll long seed) {
        Random r = new Random(seed);
        for (int cut = 0; cut < frame.length; cut += 1 + frame.length / 40) {
            decodeTyped(Arrays.copyOf(frame, cut));
        }
        byte[] longer = Arrays.copyOf(frame, frame.length + 1 + r.nextInt(16));
        decodeTyped(longer);
    }

    /** One single-byte, truncation, extension, insertion, deletion or varint-bomb mutation. */
    static byte[] mutate(byte[] f, Random r) {
        byte[] m = f.clone();
        int at = m.length == 0 ? 0 : r.nextInt(m.length);
        switch (r.nextInt(7)) {
            case 0 -> m[at] ^= (byte) (1 << r.nextInt(8));
            case 1 -> m[at] = (byte) r.nextInt(256);
            case 2 -> m = Arrays.copyOf(m, at);
            case 3 -> {
                byte[] tail = new byte[1 + r.nextInt(64)];
                r.nextBytes(tail);
                m = concat(m, tail);
            }
            case 4 -> m = concat(concat(Arrays.copyOf(m, at), new byte[] {(byte) r.nextInt(256)}),
                    Arrays.copyOfRange(f, at, f.length));
            case 5 -> m = concat(Arrays.copyOf(m, at), Arrays.copyOfRange(f, Math.min(f.length, at + 1), f.length));
            default -> {
                // Overwrite with a maximal varint: the classic "allocate 2 GiB" lure.
                byte[] bomb = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07};
                for (int i = 0; i < bomb.length && at + i < m.length; i++) {
                    m[at + i] = bomb[i];
                }
            }
        }
        return m;
    }

    private void decodeTyped(byte[] frame) {
        try {
            Message m = codec.decode(frame);
            // A mutation may still decode (e.g. a flipped signature byte); that is fine, and it must re-encode.
            codec.encode(m);
        } catch (DecodeException expected) {
            // the only acceptable failure
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
