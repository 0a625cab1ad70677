package dev.keel.checkpoint;

import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.math.BigInteger;
import java.util.List;

/** keccak256(abi.encode(address[] validators, uint256 threshold)), the contract's validatorSetHash. */
public final class ValidatorSetHash {
    private ValidatorSetHash() {
    }

    /** @param sortedValidators strictly increasing addresses, as the contract requires */
    public static Hash of(List<EthAddress> sortedValidators, int threshold) {
        AbiWords w = new AbiWords().uint(64).uint(threshold).uint(sortedValidators.size());
        for (EthAddress a : sortedValidators) {
            w.address(a.bytes().unsafeArray());
        }
        return new Hash(Bytes.wrap(Keccak.hash(w.toBytes())));
    }

    /** The digest a validator-set update is signed over: abi.encode(tag, chain, newEpoch, validators, threshold). */
    public static Hash updateDigest(long chainId, long newEpoch, List<EthAddress> sortedValidators, int threshold) {
        AbiWords w = new AbiWords().bytes32(Keccak.hash("keel.validator-set.v1")).uint(chainId).uint(newEpoch)
                .uint(BigInteger.valueOf(5 * 32)).uint(threshold).uint(sortedValidators.size());
        for (EthAddress a : sortedValidators) {
            w.address(a.bytes().unsafeArray());
        }
        return new Hash(Bytes.wrap(Keccak.hash(w.toBytes())));
    }
}
