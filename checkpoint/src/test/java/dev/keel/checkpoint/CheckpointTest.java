package dev.keel.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint64;

/**
 * Checkpoint's hand-rolled abi.encode(TAG, cp) against web3j's ABI encoder of the same tuple.
 * The contract's own digest is compared in the L1 conformance suite (checkpointDigest).
 */
@SuppressWarnings("rawtypes") // web3j's ABI API is written on the raw Type
class CheckpointTest {
    @Test
    void tagIsKeccakOfTheVersionString() {
        // keccak256("keel.checkpoint.v1"), computed independently with Node's ethereum-cryptography
        assertEquals("2c3397f022b95f7407384bfe49cf62dfcf92bf57af6bdebf28be4edcab6eb6b1",
                HexFormat.of().formatHex(Checkpoint.TAG));
    }

    @Property(tries = 100)
    void abiEncodeMatchesWeb3j(@ForAll @LongRange(max = Long.MAX_VALUE) long chain,
                               @ForAll @LongRange(max = Long.MAX_VALUE) long epoch,
                               @ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 2) long first,
                               @ForAll @LongRange(max = Long.MAX_VALUE / 2) long extra,
                               @ForAll @Size(32) byte[] h1, @ForAll @Size(32) byte[] h2) {
        Hash a = new Hash(Bytes.copyOf(h1));
        Hash b = new Hash(Bytes.copyOf(h2));
        Checkpoint cp = new Checkpoint(1, chain, epoch, first, first + extra, a, b, b, a);
        StaticStruct struct = new StaticStruct(List.<Type>of(new Uint64(chain), new Uint64(epoch), new Uint64(first),
                new Uint64(first + extra), new Bytes32(h1), new Bytes32(h2), new Bytes32(h2), new Bytes32(h1)));
        String expected = FunctionEncoder.encodeConstructor(List.<Type>of(new Bytes32(Checkpoint.TAG), struct));
        assertEquals(expected, HexFormat.of().formatHex(cp.abiEncode())); // encodeConstructor has no 0x
        assertEquals(new Hash(Bytes.wrap(Keccak.hash(cp.abiEncode()))), cp.digest());
    }

    @Test
    void invariantsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint(1, 1, 0, 5, 4, Hash.ZERO, Hash.ZERO, Hash.ZERO, Hash.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint(0, 1, 0, 1, 1, Hash.ZERO, Hash.ZERO, Hash.ZERO, Hash.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint(1, -1, 0, 1, 1, Hash.ZERO, Hash.ZERO, Hash.ZERO, Hash.ZERO));
    }
}
