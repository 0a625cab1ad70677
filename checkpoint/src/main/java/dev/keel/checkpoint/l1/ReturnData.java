package dev.keel.checkpoint.l1;

import dev.keel.checkpoint.EthAddress;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.Utils;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;

/** Decoding of the contract's return data, with errors that say which call's answer was malformed. */
@SuppressWarnings("rawtypes") // web3j's ABI API is written on the raw Type (List<Type>)
final class ReturnData {
    static final TypeReference<Uint64> UINT64 = TypeReference.create(Uint64.class);
    static final TypeReference<Uint256> UINT256 = TypeReference.create(Uint256.class);
    static final TypeReference<Bytes32> BYTES32 = TypeReference.create(Bytes32.class);
    private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

    private ReturnData() {
    }

    /**
     * Decodes exactly {@code types} (static layouts for uint64 slots), or throws: an empty "0x"
     * usually means no contract at that address.
     */
    static List<Type> decode(String hex, String what, TypeReference<?>... types) {
        String h = hex == null ? "" : hex.strip();
        String body = h.startsWith("0x") || h.startsWith("0X") ? h.substring(2) : h;
        if (body.length() < 64 * types.length) {
            throw new IllegalArgumentException(what + " returned " + (body.isEmpty() ? "nothing (no contract at this address?)"
                    : body.length() / 2 + " bytes, need at least " + 32 * types.length));
        }
        for (int i = 0; i < types.length; i++) {
            // web3j keeps only the low 8 bytes of a uint64 word; a clean encoder never sets the others.
            if (types[i] == UINT64 && !body.substring(64 * i, 64 * i + 48).chars().allMatch(c -> c == '0')) {
                throw new IllegalArgumentException(what + " returned a uint64 word with high bits set (value " + (i + 1) + ")");
            }
        }
        List<Type> out;
        try {
            out = FunctionReturnDecoder.decode("0x" + body, Utils.convert(List.of(types)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + " returned undecodable data: " + e.getMessage(), e);
        }
        if (out.size() != types.length) {
            throw new IllegalArgumentException(what + " returned " + out.size() + " values, expected " + types.length);
        }
        return out;
    }

    /** A uint64 as a Java long; values above Long.MAX_VALUE are refused rather than wrapped negative. */
    static long u64(Type<?> t) {
        BigInteger v = (BigInteger) t.getValue();
        if (v.signum() < 0 || v.compareTo(MAX_LONG) > 0) {
            throw new IllegalArgumentException("uint64 value " + v + " does not fit a Java long");
        }
        return v.longValue();
    }

    static Hash hash(Type<?> t) {
        return new Hash(Bytes.copyOf((byte[]) t.getValue()));
    }

    @SuppressWarnings("unchecked")
    static List<EthAddress> addresses(String hex) {
        TypeReference<DynamicArray<Address>> ref = new TypeReference<>() {
        };
        DynamicArray<Address> arr = (DynamicArray<Address>) decode(hex, "validators()", ref).get(0);
        return arr.getValue().stream().map(a -> EthAddress.parse(a.getValue())).toList();
    }
}
