package dev.keel.network.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.pekko.util.ByteString;

class FrameDecoderTest {
    @Property(tries = 300)
    void framesSurviveAnyChunking(@ForAll long seed) throws FrameTooLargeException {
        Random r = new Random(seed);
        List<byte[]> frames = new ArrayList<>();
        ByteString stream = ByteString.emptyByteString();
        for (int i = r.nextInt(10); i >= 0; i--) {
            byte[] f = new byte[r.nextInt(300)];
            r.nextBytes(f);
            frames.add(f);
            stream = stream.concat(FrameDecoder.encode(f));
        }
        FrameDecoder d = new FrameDecoder(300);
        List<byte[]> out = new ArrayList<>();
        while (!stream.isEmpty()) {
            int n = 1 + r.nextInt(Math.min(stream.size(), 400));
            d.append(stream.take(n));
            stream = stream.drop(n);
            for (ByteString f = d.next(); f != null; f = d.next()) {
                out.add(f.toArray());
            }
        }
        assertEquals(frames.size(), out.size());
        for (int i = 0; i < frames.size(); i++) {
            assertArrayEquals(frames.get(i), out.get(i));
        }
        assertEquals(0, d.buffered());
    }

    @Example
    void anOversizedLengthIsRejectedFromThePrefixAlone() {
        FrameDecoder d = new FrameDecoder(4096);
        // Only the 4 prefix bytes have arrived: the decoder refuses before waiting for (or allocating) the body.
        d.append(ByteString.fromArray(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}));
        var e = assertThrows(FrameTooLargeException.class, d::next);
        assertEquals(0xffffffffL, e.length());
        FrameDecoder d2 = new FrameDecoder(4096);
        d2.append(ByteString.fromArray(new byte[] {0, 0, 0x10, 0x01}));
        assertThrows(FrameTooLargeException.class, d2::next);
    }

    @Example
    void theCapCanBeRaisedAfterAuthentication() throws FrameTooLargeException {
        FrameDecoder d = new FrameDecoder(256);
        d.append(FrameDecoder.encode(new byte[200]));
        assertEquals(200, d.next().size());
        d.setMaxFrameBytes(10_000);
        d.append(FrameDecoder.encode(new byte[5000]));
        assertEquals(5000, d.next().size());
        assertNull(d.next());
    }

    @Example
    void emptyFramesAreFrames() throws FrameTooLargeException {
        FrameDecoder d = new FrameDecoder(10);
        d.append(FrameDecoder.encode(new byte[0]));
        assertEquals(0, d.next().size());
        assertNull(d.next());
    }
}
