package dev.keel.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.utils.Numeric;

/**
 * ValidatorSetHash's hand-rolled abi.encode against web3j's general ABI encoder. The contract's
 * own answers (validatorSetHash(), accepting an update) are checked by the L1 conformance suite.
 */
@SuppressWarnings("rawtypes") // web3j's ABI API is written on the raw Type
class ValidatorSetHashTest {
    static List<EthAddress> set(int n, int salt) {
        return IntStream.range(0, n).mapToObj(i -> EthKey.fromPrivate(Keccak.hash("vs." + salt + "." + i)).address())
                .sorted().toList();
    }

    private static DynamicArray<Address> abi(List<EthAddress> set) {
        return new DynamicArray<>(Address.class, set.stream().map(a -> new Address(a.hex())).toList());
    }

    private static Hash keccakOfEncoding(List<Type> values) {
        return new Hash(Bytes.wrap(Keccak.hash(Numeric.hexStringToByteArray(FunctionEncoder.encodeConstructor(values)))));
    }

    @Property(tries = 60)
    void setHashIsAbiEncodeOfArrayAndThreshold(@ForAll @IntRange(min = 1, max = 40) int n,
                                               @ForAll @IntRange(max = 1000) int salt) {
        List<EthAddress> s = set(n, salt);
        int threshold = 2 * n / 3 + 1;
        assertEquals(keccakOfEncoding(List.of(abi(s), new Uint256(threshold))), ValidatorSetHash.of(s, threshold));
    }

    @Property(tries = 60)
    void updateDigestIsAbiEncodeWithTagChainAndEpoch(@ForAll @IntRange(min = 1, max = 40) int n,
                                                     @ForAll @LongRange(max = Long.MAX_VALUE) long chain,
                                                     @ForAll @LongRange(max = Long.MAX_VALUE) long epoch) {
        List<EthAddress> s = set(n, n);
        Bytes32 tag = new Bytes32(Keccak.hash("keel.validator-set.v1"));
        assertEquals(keccakOfEncoding(List.of(tag, new Uint64(chain), new Uint64(epoch), abi(s), new Uint256(n))),
                ValidatorSetHash.updateDigest(chain, epoch, s, n));
    }
}
