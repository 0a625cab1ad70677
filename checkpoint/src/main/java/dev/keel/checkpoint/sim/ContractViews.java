package dev.keel.checkpoint.sim;

import static dev.keel.checkpoint.sim.ContractAbi.u64;
import static dev.keel.checkpoint.sim.ContractAbi.word;

import dev.keel.checkpoint.EthAddress;
import dev.keel.checkpoint.Keccak;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/** The contract's read-only functions and public getters, answered from a {@link ContractState}. */
final class ContractViews {
    private ContractViews() {
    }

    static Bytes answer(String fn, ContractState s, Calldata cd, Bytes data) {
        switch (fn) {
            case ContractAbi.CHECKPOINT_DIGEST:
                cd.requireHead(4, 8 * 32);
                return words(word(checkpointDigest(validatedCheckpoint(cd, data))));
            case ContractAbi.LATEST:
                return words(u64(s.checkpointCount()), u64(s.lastHeight()),
                        word(s.anchors().get(s.checkpointCount()).digest()));
            case ContractAbi.ANCHOR: {
                cd.requireHead(4, 32);
                AnchorLog.Anchor a = s.anchors().get(cd.uint64(4));
                return words(word(a.digest()), u64(a.lastHeight()), u64(a.l1Block()));
            }
            case ContractAbi.VALIDATORS:
                return ContractAbi.encodeArrayFirst(s.members(), List.of());
            case ContractAbi.L2_CHAIN_ID:
                return words(u64(s.l2ChainId()));
            case ContractAbi.EPOCH:
                return words(u64(s.epoch()));
            case ContractAbi.THRESHOLD:
                return words(BigInteger.valueOf(s.threshold()));
            case ContractAbi.VALIDATOR_SET_HASH:
                return words(word(s.validatorSetHash()));
            case ContractAbi.NEXT_VALIDATOR_SET_HASH:
                return words(word(s.nextValidatorSetHash()));
            case ContractAbi.IS_VALIDATOR: {
                cd.requireHead(4, 32);
                EthAddress a = cd.address(4);
                return words(s.isValidator(a) ? BigInteger.ONE : BigInteger.ZERO);
            }
            case ContractAbi.CHECKPOINT_COUNT:
                return words(u64(s.checkpointCount()));
            case ContractAbi.LAST_HEIGHT:
                return words(u64(s.lastHeight()));
            case ContractAbi.CHECKPOINT_TAG_FN:
                return words(word(ContractAbi.CHECKPOINT_TAG));
            case ContractAbi.VALIDATOR_SET_TAG_FN:
                return words(word(ContractAbi.VALIDATOR_SET_TAG));
            default:
                throw new AssertionError("function in ContractAbi.FUNCTIONS without an answer: " + fn);
        }
    }

    /** keccak256(abi.encode(CHECKPOINT_TAG, cp)) where cp is the calldata struct at offset 4 (its 8 words are already clean). */
    static Hash checkpointDigest(Bytes calldata) {
        byte[] struct = Arrays.copyOfRange(calldata.unsafeArray(), 4, 4 + 8 * 32);
        return new Hash(Bytes.wrap(Keccak.hash(ContractAbi.CHECKPOINT_TAG.bytes().unsafeArray(), struct)));
    }

    /** abi.encode reads (and so validates) every uint64 member of the calldata struct, in order. */
    private static Bytes validatedCheckpoint(Calldata cd, Bytes data) {
        for (int field = 0; field < 4; field++) {
            cd.uint64(4 + 32L * field);
        }
        return data;
    }

    private static Bytes words(BigInteger... words) {
        return ContractAbi.encodeWords(List.of(words));
    }
}
