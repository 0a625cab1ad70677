package dev.keel.checkpoint.l1;

import dev.keel.checkpoint.EthKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;

/**
 * The KeelCheckpoints conformance table as JUnit tests, against any Ethereum JSON-RPC endpoint.
 * Subclass it for each L1 (Hardhat, the embedded simulator) and provide the URL and a funded
 * key. Every case deploys its own contract, so tests need no order and no snapshots.
 */
public abstract class ContractConformanceSuite {
    private Web3j web3;
    private ContractCases cases;
    private ValidatorSetCases sets;

    /** HTTP JSON-RPC endpoint of the L1 under test. */
    protected abstract String rpcUrl();

    /** A key with enough balance to deploy and submit (a few ETH at Hardhat prices). */
    protected abstract EthKey funder();

    @BeforeEach
    void connect() {
        web3 = Web3j.build(ContractFixture.httpService(rpcUrl()));
        cases = new ContractCases(web3, funder());
        sets = new ValidatorSetCases(web3, funder());
    }

    @AfterEach
    void disconnect() {
        web3.shutdown();
    }

    protected Web3j web3() {
        return web3;
    }

    @Test
    void validQuorumAccepted() {
        cases.validQuorumAccepted();
    }

    @Test
    void exactlyThresholdAccepted() {
        cases.exactlyThresholdAccepted();
    }

    @Test
    void allSignaturesAccepted() {
        cases.allSignaturesAccepted();
    }

    @Test
    void tooFewSignaturesRejected() {
        cases.tooFewSignaturesRejected();
    }

    @Test
    void forgedSignerRejected() {
        cases.forgedSignerRejected();
    }

    @Test
    void signatureOverOtherDigestRejected() {
        cases.signatureOverOtherDigestRejected();
    }

    @Test
    void duplicateSignerRejected() {
        cases.duplicateSignerRejected();
    }

    @Test
    void descendingSignersRejected() {
        cases.descendingSignersRejected();
    }

    @Test
    void badVRejected() {
        cases.badVRejected();
    }

    @Test
    void highSTwinRejected() {
        cases.highSTwinRejected();
    }

    @Test
    void signatureLengthNotMultipleOf65Rejected() {
        cases.signatureLengthNotMultipleOf65Rejected();
    }

    @Test
    void wrongChainRejected() {
        cases.wrongChainRejected();
    }

    @Test
    void wrongEpochRejected() {
        cases.wrongEpochRejected();
    }

    @Test
    void gapRejected() {
        cases.gapRejected();
    }

    @Test
    void sameCheckpointTwiceRejected() {
        cases.sameCheckpointTwiceRejected();
    }

    @Test
    void emptyRangeRejected() {
        cases.emptyRangeRejected();
    }

    @Test
    void secondContiguousAccepted() {
        cases.secondContiguousAccepted();
    }

    @Test
    void checkpointDigestMatchesContract() {
        cases.checkpointDigestMatchesContract();
    }

    @Test
    void deployedSetMatchesContract() {
        sets.deployedSetMatchesContract();
    }

    @Test
    void badValidatorSetDeployRejected() {
        sets.badValidatorSetDeployRejected();
    }

    @Test
    void announcedUpdateAccepted() {
        sets.announcedUpdateAccepted();
    }

    @Test
    void unannouncedUpdateRejected() {
        sets.unannouncedUpdateRejected();
    }

    @Test
    void updateToOtherSetThanAnnouncedRejected() {
        sets.updateToOtherSetThanAnnouncedRejected();
    }

    @Test
    void updateSignedByNewSetRejected() {
        sets.updateSignedByNewSetRejected();
    }

    @Test
    void updateSignedForWrongEpochRejected() {
        sets.updateSignedForWrongEpochRejected();
    }
}
