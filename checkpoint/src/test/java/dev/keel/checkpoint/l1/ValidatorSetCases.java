package dev.keel.checkpoint.l1;

import static dev.keel.checkpoint.l1.ContractFixture.L2_CHAIN;
import static dev.keel.checkpoint.l1.ContractFixture.addresses;
import static dev.keel.checkpoint.l1.ContractFixture.checkpoint;
import static dev.keel.checkpoint.l1.ContractFixture.keys;
import static dev.keel.checkpoint.l1.ContractFixture.sign;
import static dev.keel.checkpoint.l1.CheckpointContract.encodeSubmit;
import static dev.keel.checkpoint.l1.CheckpointContract.encodeUpdateValidators;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keel.checkpoint.Checkpoint;
import dev.keel.checkpoint.EthAddress;
import dev.keel.checkpoint.EthKey;
import dev.keel.checkpoint.ValidatorSetHash;
import dev.keel.consensus.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.web3j.protocol.Web3j;

/**
 * The validator-set cases of the conformance table: deployment checks, the contract's view of
 * the set, and rotation (announce in a checkpoint, then update signed by the current set).
 * Set A is 4 keys with threshold 3; set B, disjoint, is 5 keys with threshold 4.
 */
public final class ValidatorSetCases {
    private final ContractFixture f;
    private final List<EthKey> setA = keys("setA", 4);
    private final List<EthKey> setB = keys("setB", 5);
    private final Hash hashB = ValidatorSetHash.of(addresses(setB), 4);

    public ValidatorSetCases(Web3j web3, EthKey funder) {
        this.f = new ContractFixture(web3, funder);
    }

    /** A fresh contract reports the set it was deployed with, and Keel's set hash equals the contract's. */
    public void deployedSetMatchesContract() {
        List<EthKey> seven = keys("seven", 7);
        var d = f.deploy(seven, 5);
        CheckpointContract c = d.contract();
        assertEquals(addresses(seven), c.validators());
        assertEquals(5, c.threshold());
        assertEquals(0, c.epoch());
        assertEquals(ValidatorSetHash.of(addresses(seven), 5), c.validatorSetHash());
        assertEquals(c.validatorSetHash(), c.nextValidatorSetHash(), "the deployed set is the announced one");
        assertEquals(new LatestInfo(0, 0, Hash.ZERO), c.latest());
        assertEquals(new AnchorInfo(Hash.ZERO, 0, 0), c.anchor(0));
    }

    /** Unsorted signers, threshold 0 and threshold above the set size are refused at deployment. */
    public void badValidatorSetDeployRejected() {
        List<EthAddress> unsorted = new ArrayList<>(addresses(setA));
        java.util.Collections.swap(unsorted, 0, 1);
        for (var bad : List.of(new Object[] {unsorted, 3}, new Object[] {addresses(setA), 0},
                new Object[] {addresses(setA), 5}, new Object[] {List.<EthAddress>of(), 1})) {
            @SuppressWarnings("unchecked")
            List<EthAddress> set = (List<EthAddress>) bad[0];
            L1Exception e = assertThrows(L1Exception.class,
                    () -> CheckpointContract.deploy(f.web3, f.funder, f.l1ChainId, L2_CHAIN, set, (int) bad[1]));
            assertEquals(Optional.of(ContractError.of("BadValidatorSet")), e.revert(), e.getMessage());
        }
    }

    /**
     * Checkpoint #1 announces B; A signs the update; epoch 1 starts with B. Then A's signatures
     * no longer count, epoch-0 checkpoints are refused, and B's quorum is accepted.
     */
    public void announcedUpdateAccepted() {
        var d = announceB();
        CheckpointContract c = d.contract();
        Hash updateDigest = ValidatorSetHash.updateDigest(L2_CHAIN, 1, addresses(setB), 4);
        f.accept(c, encodeUpdateValidators(addresses(setB), 4, sign(updateDigest, setA.subList(0, 3))));
        assertEquals(1, c.epoch());
        assertEquals(addresses(setB), c.validators());
        assertEquals(4, c.threshold());
        assertEquals(hashB, c.validatorSetHash());

        Checkpoint next = checkpoint(2, 1, 9, 16, hashB);
        f.reject(c, encodeSubmit(next, sign(next.digest(), setA)),
                ContractError.of("UnknownSigner", 0, setA.get(0).address().hex()));
        Checkpoint oldEpoch = checkpoint(2, 0, 9, 16, hashB);
        f.reject(c, encodeSubmit(oldEpoch, sign(oldEpoch.digest(), setA)), ContractError.of("WrongEpoch", 1, 0));
        f.accept(c, encodeSubmit(next, sign(next.digest(), setB.subList(1, 5))));
        assertEquals(new LatestInfo(2, 16, next.digest()), c.latest());
    }

    /** No checkpoint announced B: the update is refused, naming the announced (current) set. */
    public void unannouncedUpdateRejected() {
        var d = f.deploy(setA, 3);
        Hash digest = ValidatorSetHash.updateDigest(L2_CHAIN, 1, addresses(setB), 4);
        f.reject(d.contract(), encodeUpdateValidators(addresses(setB), 4, sign(digest, setA.subList(0, 3))),
                ContractError.of("UnannouncedValidatorSet", hex(d.setHash()), hex(hashB)));
    }

    /** B was announced, but the update carries B with another threshold: a different set. */
    public void updateToOtherSetThanAnnouncedRejected() {
        var d = announceB();
        Hash other = ValidatorSetHash.of(addresses(setB), 3);
        Hash digest = ValidatorSetHash.updateDigest(L2_CHAIN, 1, addresses(setB), 3);
        f.reject(d.contract(), encodeUpdateValidators(addresses(setB), 3, sign(digest, setA.subList(0, 3))),
                ContractError.of("UnannouncedValidatorSet", hex(hashB), hex(other)));
    }

    /** The new set cannot install itself: only the current set's signatures count. */
    public void updateSignedByNewSetRejected() {
        var d = announceB();
        Hash digest = ValidatorSetHash.updateDigest(L2_CHAIN, 1, addresses(setB), 4);
        f.reject(d.contract(), encodeUpdateValidators(addresses(setB), 4, sign(digest, setB.subList(0, 4))),
                ContractError.of("UnknownSigner", 0, setB.get(0).address().hex()));
    }

    /** Signatures over the wrong epoch (a replay of another rotation) recover to strangers. */
    public void updateSignedForWrongEpochRejected() {
        var d = announceB();
        Hash wrongEpoch = ValidatorSetHash.updateDigest(L2_CHAIN, 2, addresses(setB), 4);
        var sigs = sign(wrongEpoch, setA.subList(0, 3));
        Hash right = ValidatorSetHash.updateDigest(L2_CHAIN, 1, addresses(setB), 4);
        String recovered = sigs.get(0).recover(right).orElseThrow().hex();
        Optional<ContractError> got = d.contract().callRevert(f.funder.address(),
                encodeUpdateValidators(addresses(setB), 4, sigs));
        // At index 0 any recovered address passes the order check, so membership decides.
        assertEquals(Optional.of(ContractError.of("UnknownSigner", 0, recovered)), got);
    }

    private ContractFixture.Deployment announceB() {
        var d = f.deploy(setA, 3);
        Checkpoint cp = checkpoint(1, 0, 1, 8, hashB);
        f.accept(d.contract(), encodeSubmit(cp, sign(cp.digest(), setA.subList(0, 3))));
        assertEquals(hashB, d.contract().nextValidatorSetHash());
        return d;
    }

    private static String hex(Hash h) {
        return "0x" + h.toHex();
    }
}
