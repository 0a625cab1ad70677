package dev.keel.checkpoint.sim;

import static dev.keel.checkpoint.sim.SimTestKit.selectorHex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.checkpoint.Checkpoint;
import dev.keel.checkpoint.EthKey;
import dev.keel.checkpoint.EthSignature;
import dev.keel.checkpoint.ValidatorSetHash;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** KeelCheckpoints' rules in the simulator, end to end over JSON-RPC: deploy, accept, reject with the right error. */
class ContractRulesTest {
    private final SimTestKit kit = SimTestKit.automine();
    private final List<EthKey> keys = SimTestKit.validators(4);
    private final int threshold = SimTestKit.threshold(4);
    private final Hash setHash = ValidatorSetHash.of(SimTestKit.addresses(keys), threshold);
    private String contract;

    @BeforeEach
    void deploy() {
        contract = kit.deploy(keys, threshold);
    }

    @AfterEach
    void close() {
        kit.close();
    }

    @Test
    void deploymentHoldsTheSet() throws IOException {
        assertEquals(3, threshold);
        assertFalse(kit.web3.ethGetCode(contract, DefaultBlockParameterName.LATEST).send().getCode().equals("0x"));
        assertEquals(word(BigInteger.valueOf(SimTestKit.L2_CHAIN)), view(ContractAbi.L2_CHAIN_ID));
        assertEquals(word(BigInteger.valueOf(threshold)), view(ContractAbi.THRESHOLD));
        assertEquals("0x" + setHash.toHex(), view(ContractAbi.VALIDATOR_SET_HASH));
        assertEquals("0x" + setHash.toHex(), view(ContractAbi.NEXT_VALIDATOR_SET_HASH));
        assertEquals(word(BigInteger.ONE), kit.call(contract, SimTestKit.callData(ContractAbi.IS_VALIDATOR,
                ContractAbi.word(keys.get(0).address()))).getValue());
        assertEquals(word(BigInteger.ZERO), kit.call(contract, SimTestKit.callData(ContractAbi.IS_VALIDATOR,
                ContractAbi.word(kit.sender.address()))).getValue());
        assertEquals("0x" + ContractAbi.CHECKPOINT_TAG.toHex(), view(ContractAbi.CHECKPOINT_TAG_FN));
    }

    @Test
    void validCheckpointIsAnchored() throws IOException {
        Checkpoint cp = SimTestKit.checkpoint(1, 0, 1, 10, setHash);
        assertEquals("0x" + cp.digest().toHex(), kit.call(contract, "0x"
                + ContractAbi.selector(ContractAbi.CHECKPOINT_DIGEST).toHex()
                + Bytes.wrap(java.util.Arrays.copyOfRange(cp.abiEncode(), 32, 288)).toHex()).getValue());
        TransactionReceipt r = kit.receipt(kit.transact(contract,
                SimTestKit.submitData(cp, SimTestKit.sign(keys.subList(0, 3), cp.digest()))));
        assertTrue(r.isStatusOK(), r::getRevertReason);
        assertEquals(word(BigInteger.ONE) + word(BigInteger.TEN).substring(2) + cp.digest().toHex(),
                view(ContractAbi.LATEST));
        String anchor = kit.call(contract, SimTestKit.callData(ContractAbi.ANCHOR, BigInteger.ONE)).getValue();
        assertEquals("0x" + cp.digest().toHex() + word(BigInteger.TEN).substring(2)
                + word(r.getBlockNumber()).substring(2), anchor);
        Log log = r.getLogs().get(0);
        assertEquals("0x" + ContractAbi.eventTopic(ContractAbi.CHECKPOINT_ACCEPTED).toHex(), log.getTopics().get(0));
        assertEquals(word(BigInteger.ONE), log.getTopics().get(1));
        EthLog found = kit.web3.ethGetLogs(new EthFilter(DefaultBlockParameterName.EARLIEST,
                DefaultBlockParameterName.LATEST, contract).addSingleTopic(log.getTopics().get(0))).send();
        assertEquals(1, found.getLogs().size());
    }

    @Test
    void rejectionsCarryTheContractsErrors() {
        Checkpoint cp = SimTestKit.checkpoint(1, 0, 1, 10, setHash);
        List<EthSignature> three = SimTestKit.sign(keys.subList(0, 3), cp.digest());
        assertReverts("TooFewSignatures(uint256,uint256)", SimTestKit.submitData(cp, three.subList(0, 2)));
        List<EthSignature> withStranger = new ArrayList<>(SimTestKit.sign(List.of(keys.get(0), keys.get(1),
                SimTestKit.key("stranger", 0)), cp.digest()));
        assertReverts("UnknownSigner(uint256,address)", SimTestKit.submitData(cp, withStranger));
        assertReverts("SignersNotSorted(uint256)", SimTestKit.submitData(cp, List.of(three.get(1), three.get(0),
                three.get(2))));
        assertReverts("SignersNotSorted(uint256)", SimTestKit.submitData(cp, List.of(three.get(0), three.get(0),
                three.get(1))));
        Checkpoint wrongEpoch = SimTestKit.checkpoint(1, 1, 1, 10, setHash);
        assertReverts("WrongEpoch(uint64,uint64)", SimTestKit.submitData(wrongEpoch,
                SimTestKit.sign(keys, wrongEpoch.digest())));
        Checkpoint gap = SimTestKit.checkpoint(1, 0, 2, 10, setHash);
        assertReverts("NotContiguous(uint64,uint64)", SimTestKit.submitData(gap, SimTestKit.sign(keys, gap.digest())));
        byte[] badV = three.get(0).bytes().toArray();
        badV[64] = 29;
        assertReverts("BadSignature(uint256)", SimTestKit.submitData(cp, List.of(new EthSignature(Bytes.wrap(badV)),
                three.get(1), three.get(2))));
        assertReverts("BadSignatureLength(uint256)", SimTestKit.submitData(Bytes.wrap(
                java.util.Arrays.copyOfRange(cp.abiEncode(), 32, 288)), Bytes.wrap(new byte[64])));
    }

    @Test
    void minedRevertHasStatusZeroAndUsesTheNonce() {
        Checkpoint cp = SimTestKit.checkpoint(1, 0, 1, 10, setHash);
        String data = SimTestKit.submitData(cp, SimTestKit.sign(keys.subList(0, 2), cp.digest()));
        TransactionReceipt r = kit.receipt(kit.transact(contract, data));
        assertFalse(r.isStatusOK());
        assertTrue(r.getRevertReason().startsWith(selectorHex("TooFewSignatures(uint256,uint256)")));
        assertTrue(r.getLogs().isEmpty());
        assertEquals(2, kit.nonce(kit.sender), "deploy + the failed submission");
        assertEquals(word(BigInteger.ZERO), view(ContractAbi.CHECKPOINT_COUNT));
    }

    @Test
    void onlyKeelsBytecodeDeploys() {
        TransactionReceipt r = kit.receipt(kit.transact(null, "0x6080604052348015600e575f5ffd5b50"));
        assertFalse(r.isStatusOK());
        assertTrue(r.getRevertReason().startsWith(selectorHex("Error(string)")));
        assertTrue(kit.receipt(kit.transact(null, SimTestKit.deployData(1, SimTestKit.addresses(keys),
                BigInteger.valueOf(5)))).getRevertReason().equals(selectorHex("BadValidatorSet()")));
    }

    @Test
    void announcedSetTakesOverAfterAnUpdate() {
        List<EthKey> next = SimTestKit.validators(7).subList(1, 6);
        Hash nextHash = ValidatorSetHash.of(SimTestKit.addresses(next), 4);
        Checkpoint cp = SimTestKit.checkpoint(1, 0, 1, 5, nextHash);
        assertTrue(kit.receipt(kit.transact(contract, SimTestKit.submitData(cp, SimTestKit.sign(keys,
                cp.digest())))).isStatusOK());
        assertEquals("0x" + nextHash.toHex(), view(ContractAbi.NEXT_VALIDATOR_SET_HASH));
        Hash digest = ValidatorSetHash.updateDigest(SimTestKit.L2_CHAIN, 1, SimTestKit.addresses(next), 4);
        String update = updateData(next, 4, SimTestKit.sign(keys.subList(0, 3), digest));
        TransactionReceipt r = kit.receipt(kit.transact(contract, update));
        assertTrue(r.isStatusOK(), r::getRevertReason);
        assertEquals(word(BigInteger.ONE), view(ContractAbi.EPOCH));
        assertEquals("0x" + nextHash.toHex(), view(ContractAbi.VALIDATOR_SET_HASH));
        assertEquals("0x" + ContractAbi.eventTopic(ContractAbi.VALIDATOR_SET_UPDATED).toHex(),
                r.getLogs().get(0).getTopics().get(0));
        assertReverts("UnannouncedValidatorSet(bytes32,bytes32)", update);
        Checkpoint old = SimTestKit.checkpoint(2, 0, 6, 9, nextHash);
        assertReverts("WrongEpoch(uint64,uint64)", SimTestKit.submitData(old, SimTestKit.sign(keys, old.digest())));
    }

    private String updateData(List<EthKey> set, int t, List<EthSignature> sigs) {
        Bytes packed = SimTestKit.pack(sigs);
        List<BigInteger> words = new ArrayList<>(List.of(BigInteger.valueOf(96), BigInteger.valueOf(t),
                BigInteger.valueOf(128 + 32L * set.size()), BigInteger.valueOf(set.size())));
        set.forEach(k -> words.add(ContractAbi.word(k.address())));
        words.add(BigInteger.valueOf(packed.length()));
        byte[] padded = java.util.Arrays.copyOf(packed.unsafeArray(), (packed.length() + 31) / 32 * 32);
        return "0x" + ContractAbi.encodeCall(ContractAbi.selector(ContractAbi.UPDATE_VALIDATORS), words).toHex()
                + Bytes.wrap(padded).toHex();
    }

    private void assertReverts(String errorSignature, String calldata) {
        EthCall r = kit.call(contract, calldata);
        assertTrue(r.hasError(), () -> "expected " + errorSignature + ", got " + r.getValue());
        assertEquals(3, r.getError().getCode());
        String name = errorSignature.substring(0, errorSignature.indexOf('('));
        assertEquals("execution reverted: " + name, r.getError().getMessage());
        // web3j keeps error.data as JSON text: a quoted hex string here (geth's shape)
        String data = r.getError().getData().replace("\"", "");
        assertTrue(data.startsWith(selectorHex(errorSignature)), data);
        assertNotEquals(null, r.getRevertReason());
    }

    private String view(String signature) {
        EthCall r = kit.call(contract, SimTestKit.callData(signature));
        assertFalse(r.hasError(), () -> signature + ": " + r.getError().getMessage());
        return r.getValue();
    }

    private static String word(BigInteger v) {
        return "0x" + Bytes.wrap(ContractAbi.word32(v)).toHex();
    }
}
