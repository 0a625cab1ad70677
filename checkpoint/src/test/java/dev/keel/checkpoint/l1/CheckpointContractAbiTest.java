package dev.keel.checkpoint.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.checkpoint.Checkpoint;
import dev.keel.checkpoint.EthAddress;
import dev.keel.checkpoint.EthKey;
import dev.keel.checkpoint.EthSignature;
import dev.keel.consensus.types.Hash;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The binding's calldata and return-data handling, checked against the ABI resource; no node needed. */
class CheckpointContractAbiTest {
    private static final Hash H = ContractFixture.hash("x");

    /** name -> selector of every function in the compiled ABI, with tuples written out as Solidity does. */
    private static Map<String, String> abiSelectors() throws IOException {
        Map<String, String> out = new HashMap<>();
        try (InputStream in = ContractArtifact.open(ContractArtifact.ABI_RESOURCE)) {
            for (JsonNode e : new ObjectMapper().readTree(in)) {
                if ("function".equals(e.path("type").asText())) {
                    out.put(e.path("name").asText(), CheckpointContract.selector(e.path("name").asText() + types(e.path("inputs"))));
                }
            }
        }
        return out;
    }

    private static String types(JsonNode params) {
        List<String> t = new ArrayList<>();
        params.forEach(p -> t.add(p.path("type").asText().startsWith("tuple")
                ? types(p.path("components")) + p.path("type").asText().substring(5) : p.path("type").asText()));
        return "(" + String.join(",", t) + ")";
    }

    @Test
    void selectorsMatchTheAbi() throws IOException {
        Map<String, String> abi = abiSelectors();
        Checkpoint cp = ContractFixture.checkpoint(1, 0, 1, 2, H);
        List<EthAddress> set = ContractFixture.addresses(ContractFixture.keys("abi", 3));
        Map<String, String> calls = Map.of("submitCheckpoint", CheckpointContract.encodeSubmit(cp, List.of()),
                "updateValidators", CheckpointContract.encodeUpdateValidators(set, 2, List.of()),
                "latest", CheckpointContract.encodeLatest(), "anchor", CheckpointContract.encodeAnchor(1),
                "checkpointDigest", CheckpointContract.encodeCheckpointDigest(cp),
                "validatorSetHash", CheckpointContract.encodeValidatorSetHash(),
                "nextValidatorSetHash", CheckpointContract.encodeNextValidatorSetHash(),
                "threshold", CheckpointContract.encodeThreshold(), "epoch", CheckpointContract.encodeEpoch(),
                "validators", CheckpointContract.encodeValidators());
        calls.forEach((name, data) -> assertEquals("0x" + abi.get(name), data.substring(0, 10), name));
    }

    /** submitCheckpoint(tuple, bytes): 8 inline struct words, offset 0x120, length, signatures padded to words. */
    @Test
    void submitLayout() {
        Checkpoint cp = ContractFixture.checkpoint(1, 0, 1, 2, H);
        List<EthSignature> sigs = ContractFixture.sign(cp.digest(), ContractFixture.keys("abi", 2));
        String body = CheckpointContract.encodeSubmit(cp, sigs).substring(10);
        assertEquals(CheckpointContract.pack(sigs).length(), 130);
        assertEquals(32 * (9 + 1 + 5), body.length() / 2, "130 bytes of signatures pad to 5 words");
        assertEquals(String.format("%064x", 9 * 32), body.substring(8 * 64, 9 * 64));
        assertEquals(String.format("%064x", 130), body.substring(9 * 64, 10 * 64));
        assertEquals(CheckpointContract.pack(sigs).toHex(), body.substring(10 * 64, 10 * 64 + 260));
        assertEquals(cp.abiEncode().length - 32, 8 * 32, "the struct words are the digest's words after the tag");
    }

    @Test
    void deployIsBytecodeThenArguments() {
        List<EthAddress> set = ContractFixture.addresses(ContractFixture.keys("abi", 3));
        String data = CheckpointContract.encodeDeploy(42, set, 2);
        assertTrue(data.startsWith(CheckpointContract.bytecode()) && data.startsWith("0x"), "0x + bytecode first");
        String args = data.substring(CheckpointContract.bytecode().length());
        assertEquals(32 * (3 + 1 + 3), args.length() / 2);
        assertEquals(String.format("%064x", 42), args.substring(0, 64));
        assertEquals("000000000000000000000000" + set.get(0).hex().substring(2), args.substring(4 * 64, 5 * 64));
    }

    @Test
    void returnDataDecoded() {
        String w1 = String.format("%064x", 3);
        String w2 = String.format("%064x", 77);
        assertEquals(new LatestInfo(3, 77, H), CheckpointContract.decodeLatest("0x" + w1 + w2 + H.toHex()));
        assertEquals(new AnchorInfo(H, 3, 77), CheckpointContract.decodeAnchor(H.toHex() + w1 + w2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CheckpointContract.decodeLatest("0x"));
        assertTrue(e.getMessage().contains("no contract"), e.getMessage());
        String dirty = "8" + "0".repeat(63); // web3j alone would silently read this as 0
        assertThrows(IllegalArgumentException.class, () -> CheckpointContract.decodeLatest(dirty + w2 + H.toHex()));
        String aboveLong = String.format("%064x", new java.math.BigInteger("9223372036854775808"));
        assertThrows(IllegalArgumentException.class, () -> CheckpointContract.decodeLatest(aboveLong + w2 + H.toHex()));
    }

    @Test
    void negativeArgumentsRejected() {
        assertThrows(IllegalArgumentException.class, () -> CheckpointContract.encodeAnchor(-1));
        assertThrows(IllegalArgumentException.class, () -> CheckpointContract.encodeDeploy(-1, List.of(), 1));
        assertThrows(IllegalArgumentException.class, () -> new CheckpointStruct(1, 0, -1, 0, H, H, H, H));
    }

    @Test
    void acceptedEventDecoded() {
        var log = new org.web3j.protocol.core.methods.response.Log();
        log.setAddress("0x00000000000000000000000000000000000000aa");
        log.setTopics(List.of(CheckpointAccepted.TOPIC, "0x" + String.format("%064x", 2), "0x" + String.format("%064x", 1)));
        log.setData("0x" + String.format("%064x%064x", 11, 20) + H.toHex() + Hash.ZERO.toHex());
        log.setBlockNumber("0x10");
        assertEquals(Optional.of(new CheckpointAccepted(2, 1, 11, 20, H, Hash.ZERO, 16)), CheckpointAccepted.fromLog(log));
        log.setTopics(List.of("0x" + "11".repeat(32)));
        assertEquals(Optional.empty(), CheckpointAccepted.fromLog(log), "another event is ignored");
    }

    @Test
    void keysAreDeterministicAndSorted() {
        List<EthKey> a = ContractFixture.keys("abi", 5);
        assertEquals(ContractFixture.addresses(a), ContractFixture.addresses(ContractFixture.keys("abi", 5)));
        assertEquals(ContractFixture.addresses(a).stream().sorted().toList(), ContractFixture.addresses(a));
    }
}
