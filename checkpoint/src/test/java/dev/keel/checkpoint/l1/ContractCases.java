package dev.keel.checkpoint.l1;

import static dev.keel.checkpoint.l1.ContractFixture.L2_CHAIN;
import static dev.keel.checkpoint.l1.ContractFixture.checkpoint;
import static dev.keel.checkpoint.l1.ContractFixture.keys;
import static dev.keel.checkpoint.l1.ContractFixture.sign;
import static dev.keel.checkpoint.l1.CheckpointContract.encodeSubmit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.keel.checkpoint.Checkpoint;
import dev.keel.checkpoint.EthKey;
import dev.keel.checkpoint.EthSignature;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The checkpoint-submission cases of the conformance table: every L1 Keel anchors to (Hardhat,
 * the embedded simulator, a real chain) must give these verdicts. Each case deploys its own
 * contract (4 validators, threshold 3 unless said), so cases are independent and order-free.
 * Validator-set cases live in {@link ValidatorSetCases}.
 */
public final class ContractCases {
    private final ContractFixture f;

    public ContractCases(Web3j web3, EthKey funder) {
        this.f = new ContractFixture(web3, funder);
    }

    ContractFixture fixture() {
        return f;
    }

    private ContractFixture.Deployment fresh() {
        return f.deploy(keys("main", 4), 3);
    }

    /** A first checkpoint with a quorum: event emitted, latest() and anchor(1) updated. */
    public void validQuorumAccepted() {
        var d = fresh();
        Checkpoint cp = checkpoint(1, 0, 1, 8, d.setHash());
        TransactionReceipt r = f.accept(d.contract(), encodeSubmit(cp, sign(cp.digest(), d.keys().subList(0, 3))));
        long block = r.getBlockNumber().longValueExact();
        assertEquals(List.of(new CheckpointAccepted(1, 0, 1, 8, cp.lastBlockHash(), cp.digest(), block)),
                CheckpointAccepted.fromReceipt(r, d.contract().address()));
        assertEquals(new LatestInfo(1, 8, cp.digest()), d.contract().latest());
        assertEquals(new AnchorInfo(cp.digest(), 8, block), d.contract().anchor(1));
        assertFalse(d.contract().anchor(2).anchored(), "no checkpoint #2 yet");
    }

    /** Exactly threshold signatures, from a subset that is not the lowest addresses. */
    public void exactlyThresholdAccepted() {
        var d = fresh();
        Checkpoint cp = checkpoint(1, 0, 1, 4, d.setHash());
        List<EthKey> signers = List.of(d.keys().get(0), d.keys().get(2), d.keys().get(3));
        f.accept(d.contract(), encodeSubmit(cp, sign(cp.digest(), signers)));
        assertEquals(1, d.contract().latest().number());
    }

    public void allSignaturesAccepted() {
        var d = fresh();
        Checkpoint cp = checkpoint(1, 0, 1, 4, d.setHash());
        f.accept(d.contract(), encodeSubmit(cp, sign(cp.digest(), d.keys())));
        assertEquals(new LatestInfo(1, 4, cp.digest()), d.contract().latest());
    }

    public void tooFewSignaturesRejected() {
        var d = fresh();
        Checkpoint cp = checkpoint(1, 0, 1, 4, d.setHash());
        f.reject(d.contract(), encodeSubmit(cp, sign(cp.digest(), d.keys().subList(0, 2))),
                ContractError.of("TooFewSignatures", 2, 3));
    }

    /** A quorum padded with a non-member's valid signature: the outsider is named. */
    public void forgedSignerRejected() {
        var d = fresh();
        Checkpoint cp = checkpoint(1, 0, 1, 4, d.setHash());
        EthKey outsider = keys("outsider", 1).get(0);
        List<EthKey> signers = new ArrayList<>(d.keys().subList(0, 2));
        signers.add(outsider);
        signers.sort(Comparator.comparing(EthKey::address));
        f.reject(d.contract(), encodeSubmit(cp, sign(cp.digest(), signers)),
                ContractError.of("UnknownSigner", signers.indexOf(outsider), outsider.address().hex()));
    }

    /** A member's signature over another digest recovers to some unrelated address. */
    public void signatureOverOtherDigestRejected() {
        var d = fresh();
        Checkpoint cp = checkpoint(1, 0, 1, 4, d.setHash());
        Checkpoint other = checkpoint(1, 0, 1, 5, d.setHash());
        List<EthSignature> sigs = new ArrayList<>(sign(cp.digest(), d.keys().subList(1, 4)));
        EthSignature wrong = d.keys().get(0).sign(other.digest());
        sigs.add(0, wrong); // at index 0 the recovered address passes the order check, so membership decides
        String recovered = wrong.recover(cp.digest()).orElseThrow().hex();
        f.reject(d.contract(), encodeSubmit(cp, sigs), ContractError.of("UnknownSigner", 0, recovered));
    }

    public void duplicateSignerRejected() {
        var d = fresh();
        Checkpoint cp = checkpoint(1, 0, 1, 4, d.setHash());
        List<EthSignature> s = sign(cp.digest(), d.keys().subList(0, 2));
        f.reject(d.contract(), encodeSubmit(cp, List.of(s.get(0), s.get(0), s.get(1))),
                ContractError.of("SignersNotSorted", 1));
    }

    public void descendingSignersRejected() {
        var d = fresh();
        Checkpoint cp = checkpoint(1, 0, 1, 4, d.setHash());
        List<EthSignature> s = new ArrayList<>(sign(cp.digest(), d.keys().subList(0, 3)));
        java.util.Collections.reverse(s);
        f.reject(d.contract(), encodeSubmit(cp, s), ContractError.of("SignersNotSorted", 1));
    }

    public void badVRejected() {
        var d = fresh();
        Checkpoint cp = checkpoint(1, 0, 1, 4, d.setHash());
        List<EthSignature> s = new ArrayList<>(sign(cp.digest(), d.keys().subList(0, 3)));
        s.set(1, ContractFixture.withV(s.get(1), 29));
        f.reject(d.contract(), encodeSubmit(cp, s), ContractError.of("BadSignature", 1));
    }

    /** The (r, n - s) twin is valid plain ECDSA for the same signer; the contract refuses it. */
    public void highSTwinRejected() {
        var d = fresh();
        Checkpoint cp = checkpoint(1, 0, 1, 4, d.setHash());
        List<EthSignature> s = new ArrayList<>(sign(cp.digest(), d.keys().subList(0, 3)));
        s.set(2, ContractFixture.highSTwin(s.get(2)));
        f.reject(d.contract(), encodeSubmit(cp, s), ContractError.of("BadSignature", 2));
    }

    public void signatureLengthNotMultipleOf65Rejected() {
        var d = fresh();
        Checkpoint cp = checkpoint(1, 0, 1, 4, d.setHash());
        byte[] packed = CheckpointContract.pack(sign(cp.digest(), d.keys().subList(0, 3))).toArray();
        byte[] longer = java.util.Arrays.copyOf(packed, packed.length + 1);
        f.reject(d.contract(), encodeSubmit(CheckpointStruct.of(cp), Bytes.wrap(longer)),
                ContractError.of("BadSignatureLength", longer.length));
    }

    public void wrongChainRejected() {
        var d = fresh();
        Checkpoint cp = checkpoint(L2_CHAIN + 1, 1, 0, 1, 4, d.setHash());
        f.reject(d.contract(), encodeSubmit(cp, sign(cp.digest(), d.keys())),
                ContractError.of("WrongChain", L2_CHAIN, L2_CHAIN + 1));
    }

    public void wrongEpochRejected() {
        var d = fresh();
        Checkpoint cp = checkpoint(1, 1, 1, 4, d.setHash());
        f.reject(d.contract(), encodeSubmit(cp, sign(cp.digest(), d.keys())), ContractError.of("WrongEpoch", 0, 1));
    }

    public void gapRejected() {
        var d = fresh();
        Checkpoint cp = checkpoint(1, 0, 2, 4, d.setHash());
        f.reject(d.contract(), encodeSubmit(cp, sign(cp.digest(), d.keys())), ContractError.of("NotContiguous", 1, 2));
    }

    public void sameCheckpointTwiceRejected() {
        var d = fresh();
        Checkpoint cp = checkpoint(1, 0, 1, 8, d.setHash());
        String data = encodeSubmit(cp, sign(cp.digest(), d.keys().subList(0, 3)));
        f.accept(d.contract(), data);
        f.reject(d.contract(), data, ContractError.of("NotContiguous", 9, 1));
    }

    /** last < first: only the raw struct can say it; the quorum signs the contract's own digest of it. */
    public void emptyRangeRejected() {
        var d = fresh();
        CheckpointStruct raw = new CheckpointStruct(L2_CHAIN, 0, 1, 0, Hash.ZERO, Hash.ZERO, Hash.ZERO, d.setHash());
        Hash digest = d.contract().checkpointDigest(raw);
        f.reject(d.contract(), encodeSubmit(raw, CheckpointContract.pack(sign(digest, d.keys()))),
                ContractError.of("EmptyRange", 1, 0));
    }

    public void secondContiguousAccepted() {
        var d = fresh();
        Checkpoint first = checkpoint(1, 0, 1, 8, d.setHash());
        Checkpoint second = checkpoint(2, 0, 9, 16, d.setHash());
        f.accept(d.contract(), encodeSubmit(first, sign(first.digest(), d.keys().subList(0, 3))));
        TransactionReceipt r = f.accept(d.contract(), encodeSubmit(second, sign(second.digest(), d.keys().subList(1, 4))));
        assertEquals(new LatestInfo(2, 16, second.digest()), d.contract().latest());
        assertEquals(first.digest(), d.contract().anchor(1).digest());
        assertEquals(new AnchorInfo(second.digest(), 16, r.getBlockNumber().longValueExact()), d.contract().anchor(2));
    }

    /** Keel's digest of several checkpoints, including extreme uint64 values, equals the contract's. */
    public void checkpointDigestMatchesContract() {
        var d = fresh();
        List<Checkpoint> cps = List.of(checkpoint(1, 0, 1, 1, d.setHash()), checkpoint(7, 3, 100, 163, Hash.ZERO),
                new Checkpoint(1, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE - 1, Long.MAX_VALUE,
                        ContractFixture.hash("a"), ContractFixture.hash("b"), ContractFixture.hash("c"),
                        ContractFixture.hash("d")));
        for (Checkpoint cp : cps) {
            assertEquals(cp.digest(), d.contract().checkpointDigest(cp), "digest of " + cp);
        }
    }
}
