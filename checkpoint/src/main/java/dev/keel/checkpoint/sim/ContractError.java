package dev.keel.checkpoint.sim;

import dev.keel.checkpoint.EthAddress;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Every way a call to the simulated contract can revert, as typed values. {@link Custom} ones are
 * the contract's own {@code error} declarations, spelled exactly as in KeelCheckpoints.sol (a test
 * checks each signature against the compiled ABI); the rest are Solidity's built-in forms. The
 * encoding is what Solidity puts in the revert data: keccak(signature)[0..4] + abi-encoded args.
 */
public sealed interface ContractError {
    /** The error's name ("WrongEpoch"), or "" for a bare {@code revert()}. */
    String name();

    /** The revert data, byte for byte as the EVM returns it. */
    Bytes encode();

    /** An error with only static arguments: selector + one 32-byte word per argument. */
    sealed interface Custom extends ContractError {
        /** Canonical Solidity signature, e.g. {@code WrongEpoch(uint64,uint64)}. */
        String signature();

        /** Argument words in declaration order (uints and bytes32 as unsigned numbers, addresses widened). */
        List<BigInteger> args();

        @Override
        default String name() {
            return signature().substring(0, signature().indexOf('('));
        }

        @Override
        default Bytes encode() {
            return ContractAbi.encodeCall(ContractAbi.selector(signature()), args());
        }
    }

    record WrongChain(long expected, long got) implements Custom {
        public String signature() {
            return "WrongChain(uint64,uint64)";
        }

        public List<BigInteger> args() {
            return List.of(ContractAbi.u64(expected), ContractAbi.u64(got));
        }
    }

    record WrongEpoch(long expected, long got) implements Custom {
        public String signature() {
            return "WrongEpoch(uint64,uint64)";
        }

        public List<BigInteger> args() {
            return List.of(ContractAbi.u64(expected), ContractAbi.u64(got));
        }
    }

    record NotContiguous(long expectedFirstHeight, long gotFirstHeight) implements Custom {
        public String signature() {
            return "NotContiguous(uint64,uint64)";
        }

        public List<BigInteger> args() {
            return List.of(ContractAbi.u64(expectedFirstHeight), ContractAbi.u64(gotFirstHeight));
        }
    }

    record EmptyRange(long firstHeight, long lastHeight) implements Custom {
        public String signature() {
            return "EmptyRange(uint64,uint64)";
        }

        public List<BigInteger> args() {
            return List.of(ContractAbi.u64(firstHeight), ContractAbi.u64(lastHeight));
        }
    }

    record BadSignatureLength(long length) implements Custom {
        public String signature() {
            return "BadSignatureLength(uint256)";
        }

        public List<BigInteger> args() {
            return List.of(BigInteger.valueOf(length));
        }
    }

    record TooFewSignatures(long got, long needed) implements Custom {
        public String signature() {
            return "TooFewSignatures(uint256,uint256)";
        }

        public List<BigInteger> args() {
            return List.of(BigInteger.valueOf(got), BigInteger.valueOf(needed));
        }
    }

    record BadSignature(long index) implements Custom {
        public String signature() {
            return "BadSignature(uint256)";
        }

        public List<BigInteger> args() {
            return List.of(BigInteger.valueOf(index));
        }
    }

    record SignersNotSorted(long index) implements Custom {
        public String signature() {
            return "SignersNotSorted(uint256)";
        }

        public List<BigInteger> args() {
            return List.of(BigInteger.valueOf(index));
        }
    }

    record UnknownSigner(long index, EthAddress signer) implements Custom {
        public String signature() {
            return "UnknownSigner(uint256,address)";
        }

        public List<BigInteger> args() {
            return List.of(BigInteger.valueOf(index), new BigInteger(1, signer.bytes().unsafeArray()));
        }
    }

    record BadValidatorSet() implements Custom {
        public String signature() {
            return "BadValidatorSet()";
        }

        public List<BigInteger> args() {
            return List.of();
        }
    }

    record UnannouncedValidatorSet(Hash announced, Hash got) implements Custom {
        public String signature() {
            return "UnannouncedValidatorSet(bytes32,bytes32)";
        }

        public List<BigInteger> args() {
            return List.of(ContractAbi.word(announced), ContractAbi.word(got));
        }
    }

    /** Solidity's built-in panic: 0x11 arithmetic overflow, 0x41 out of memory. */
    record Panic(int code) implements Custom {
        public static final int OVERFLOW = 0x11;

        public String signature() {
            return "Panic(uint256)";
        }

        public List<BigInteger> args() {
            return List.of(BigInteger.valueOf(code));
        }
    }

    /** {@code revert("text")}: Error(string). The contract never does this; the simulator does for non-Keel deployments. */
    record Message(String text) implements ContractError {
        public String name() {
            return "Error";
        }

        public Bytes encode() {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            byte[] head = ContractAbi.encodeCall(ContractAbi.selector("Error(string)"),
                    List.of(BigInteger.valueOf(32), BigInteger.valueOf(utf8.length))).toArray();
            byte[] out = new byte[head.length + (utf8.length + 31) / 32 * 32];
            System.arraycopy(head, 0, out, 0, head.length);
            System.arraycopy(utf8, 0, out, head.length, utf8.length);
            return Bytes.wrap(out);
        }
    }

    /**
     * A revert with no data: what Solidity's ABI decoder does on malformed calldata (dirty
     * uint64/address bits, offsets out of range), on an unknown selector without a fallback, on
     * ether sent to a non-payable function, and what an out-of-gas failure leaves.
     */
    record Empty(String why) implements ContractError {
        public String name() {
            return "";
        }

        public Bytes encode() {
            return Bytes.EMPTY;
        }
    }
}
