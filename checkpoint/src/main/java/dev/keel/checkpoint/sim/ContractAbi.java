package dev.keel.checkpoint.sim;

import dev.keel.checkpoint.EthAddress;
import dev.keel.checkpoint.Keccak;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * The contract's ABI surface as the simulator needs it: function and event signatures copied
 * from KeelCheckpoints.sol (a test proves each is in the compiled ABI, so they cannot drift), the
 * 4-byte selector rule, and word encoding for return values, revert data and logs.
 */
public final class ContractAbi {
    public static final String SUBMIT_CHECKPOINT =
            "submitCheckpoint((uint64,uint64,uint64,uint64,bytes32,bytes32,bytes32,bytes32),bytes)";
    public static final String UPDATE_VALIDATORS = "updateValidators(address[],uint256,bytes)";
    public static final String CHECKPOINT_DIGEST =
            "checkpointDigest((uint64,uint64,uint64,uint64,bytes32,bytes32,bytes32,bytes32))";
    public static final String LATEST = "latest()";
    public static final String ANCHOR = "anchor(uint64)";
    public static final String VALIDATORS = "validators()";
    public static final String L2_CHAIN_ID = "l2ChainId()";
    public static final String EPOCH = "epoch()";
    public static final String THRESHOLD = "threshold()";
    public static final String VALIDATOR_SET_HASH = "validatorSetHash()";
    public static final String NEXT_VALIDATOR_SET_HASH = "nextValidatorSetHash()";
    public static final String IS_VALIDATOR = "isValidator(address)";
    public static final String CHECKPOINT_COUNT = "checkpointCount()";
    public static final String LAST_HEIGHT = "lastHeight()";
    public static final String CHECKPOINT_TAG_FN = "CHECKPOINT_TAG()";
    public static final String VALIDATOR_SET_TAG_FN = "VALIDATOR_SET_TAG()";
    /** Every external function the contract has, public state variable getters included. */
    public static final List<String> FUNCTIONS = List.of(SUBMIT_CHECKPOINT, UPDATE_VALIDATORS, CHECKPOINT_DIGEST,
            LATEST, ANCHOR, VALIDATORS, L2_CHAIN_ID, EPOCH, THRESHOLD, VALIDATOR_SET_HASH, NEXT_VALIDATOR_SET_HASH,
            IS_VALIDATOR, CHECKPOINT_COUNT, LAST_HEIGHT, CHECKPOINT_TAG_FN, VALIDATOR_SET_TAG_FN);

    public static final String CHECKPOINT_ACCEPTED =
            "CheckpointAccepted(uint64,uint64,uint64,uint64,bytes32,bytes32)";
    public static final String VALIDATOR_SET_UPDATED = "ValidatorSetUpdated(uint64,address[],uint256,bytes32)";
    public static final List<String> EVENTS = List.of(CHECKPOINT_ACCEPTED, VALIDATOR_SET_UPDATED);

    public static final Hash CHECKPOINT_TAG = new Hash(Bytes.wrap(Keccak.hash("keel.checkpoint.v1")));
    public static final Hash VALIDATOR_SET_TAG = new Hash(Bytes.wrap(Keccak.hash("keel.validator-set.v1")));

    static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    static final BigInteger UINT256_MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    private ContractAbi() {
    }

    /** keccak256(signature)[0..4]: how Solidity names functions and errors in calldata and revert data. */
    public static Bytes selector(String signature) {
        return Bytes.wrap(Arrays.copyOf(Keccak.hash(signature), 4));
    }

    /** keccak256(signature): an event's topic 0. */
    public static Hash eventTopic(String signature) {
        return new Hash(Bytes.wrap(Keccak.hash(signature)));
    }

    /** selector + one word per argument (static arguments only). */
    public static Bytes encodeCall(Bytes selector, List<BigInteger> words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(selector.unsafeArray());
        for (BigInteger w : words) {
            out.writeBytes(word32(w));
        }
        return Bytes.wrap(out.toByteArray());
    }

    /** Static words back to back: abi.encode of value types only. */
    public static Bytes encodeWords(List<BigInteger> words) {
        return encodeCall(Bytes.EMPTY, words);
    }

    /** abi.encode(address[] list, trailing static words...) with the array as the first, dynamic, argument. */
    public static Bytes encodeArrayFirst(List<EthAddress> list, List<BigInteger> trailing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(word32(BigInteger.valueOf(32L * (1 + trailing.size()))));
        trailing.forEach(w -> out.writeBytes(word32(w)));
        out.writeBytes(word32(BigInteger.valueOf(list.size())));
        list.forEach(a -> out.writeBytes(word32(word(a))));
        return Bytes.wrap(out.toByteArray());
    }

    /** An unsigned 64-bit value held in a Java long (the contract's uint64 fields use all 64 bits). */
    public static BigInteger u64(long value) {
        return new BigInteger(Long.toUnsignedString(value));
    }

    public static BigInteger word(Hash h) {
        return new BigInteger(1, h.bytes().unsafeArray());
    }

    public static BigInteger word(EthAddress a) {
        return new BigInteger(1, a.bytes().unsafeArray());
    }

    public static byte[] word32(BigInteger value) {
        if (value.signum() < 0 || value.bitLength() > 256) {
            throw new IllegalArgumentException("not a uint256: " + value);
        }
        byte[] b = value.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(b.length, 32);
        System.arraycopy(b, b.length - n, out, 32 - n, n);
        return out;
    }

    static Hash hashOf(Bytes encoded) {
        return new Hash(Bytes.wrap(Keccak.hash(encoded.unsafeArray())));
    }

    /** keccak256(abi.encode(validators, threshold)): the contract's validatorSetHash. */
    static Hash validatorSetHash(List<EthAddress> validators, BigInteger threshold) {
        return hashOf(encodeArrayFirst(validators, List.of(threshold)));
    }

    /** keccak256(abi.encode(VALIDATOR_SET_TAG, chainId, newEpoch, validators, threshold)): what a set update is signed over. */
    static Hash validatorUpdateDigest(long chainId, long newEpoch, List<EthAddress> validators, BigInteger threshold) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (BigInteger w : List.of(word(VALIDATOR_SET_TAG), u64(chainId), u64(newEpoch), BigInteger.valueOf(5 * 32),
                threshold, BigInteger.valueOf(validators.size()))) {
            out.writeBytes(word32(w));
        }
        validators.forEach(a -> out.writeBytes(word32(word(a))));
        return new Hash(Bytes.wrap(Keccak.hash(out.toByteArray())));
    }
}
