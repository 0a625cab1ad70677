package dev.keel.checkpoint.sim;

import dev.keel.checkpoint.EthAddress;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads ABI-encoded input the way solc 0.8's ABI decoder (v2) does, including the checks that
 * make it revert with empty data: a head shorter than the static part, an offset or length above
 * 2^64 - 1 or pointing past the end, and (when a value is read) uint64 or address words with
 * dirty high bits. Positions are byte offsets into {@code data}; bytes past the end read as zero,
 * like {@code calldataload}.
 */
final class Calldata {
    private final byte[] data;

    /** A dynamic value's place: its first byte and its element count. */
    record Span(long start, long length) {
    }

    Calldata(Bytes data) {
        this.data = data.unsafeArray();
    }

    int size() {
        return data.length;
    }

    BigInteger word(long pos) {
        byte[] w = new byte[32];
        if (pos >= 0 && pos < data.length) {
            System.arraycopy(data, (int) pos, w, 0, (int) Math.min(32, data.length - pos));
        }
        return new BigInteger(1, w);
    }

    /** {@code if slt(sub(dataEnd, headStart), n) revert}: the static head must be there. */
    void requireHead(long headStart, int headBytes) {
        if (data.length - headStart < headBytes) {
            throw empty("calldata shorter than the " + headBytes + "-byte head");
        }
    }

    long uint64(long pos) {
        BigInteger w = word(pos);
        if (w.compareTo(ContractAbi.UINT64_MAX) > 0) {
            throw empty("uint64 argument has dirty high bits");
        }
        return w.longValue();
    }

    EthAddress address(long pos) {
        BigInteger w = word(pos);
        if (w.bitLength() > 160) {
            throw empty("address argument has dirty high bits");
        }
        return new EthAddress(Bytes.wrap(Arrays.copyOfRange(ContractAbi.word32(w), 12, 32)));
    }

    Hash bytes32(long pos) {
        return new Hash(Bytes.wrap(ContractAbi.word32(word(pos))));
    }

    /**
     * The dynamic argument whose offset sits at {@code headStart + 32 * slot}: solc's
     * abi_decode_t_bytes / t_array checks, in solc's order, with elements of {@code elementSize} bytes.
     */
    Span dynamic(long headStart, int slot, int elementSize) {
        BigInteger offset = word(headStart + 32L * slot);
        if (offset.compareTo(ContractAbi.UINT64_MAX) > 0) {
            throw empty("offset above 2^64 - 1");
        }
        BigInteger at = offset.add(BigInteger.valueOf(headStart));
        BigInteger end = BigInteger.valueOf(data.length);
        if (at.add(BigInteger.valueOf(31)).compareTo(end) >= 0) {
            throw empty("offset points past the end");
        }
        BigInteger length = word(at.longValueExact());
        if (length.compareTo(ContractAbi.UINT64_MAX) > 0) {
            throw empty("length above 2^64 - 1");
        }
        BigInteger start = at.add(BigInteger.valueOf(32));
        if (start.add(length.multiply(BigInteger.valueOf(elementSize))).compareTo(end) > 0) {
            throw empty("dynamic value runs past the end");
        }
        return new Span(start.longValueExact(), length.longValueExact());
    }

    byte[] slice(long start, long length) {
        return Arrays.copyOfRange(data, Math.toIntExact(start), Math.toIntExact(start + length));
    }

    /** Every element of an address[] span, each validated (what reading the calldata array does). */
    List<EthAddress> addresses(Span span) {
        List<EthAddress> out = new ArrayList<>(Math.toIntExact(span.length()));
        for (long i = 0; i < span.length(); i++) {
            out.add(address(span.start() + 32 * i));
        }
        return out;
    }

    private static Revert empty(String why) {
        return new Revert(new ContractError.Empty(why));
    }
}
