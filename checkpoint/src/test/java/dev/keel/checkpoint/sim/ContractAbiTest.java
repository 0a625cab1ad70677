package dev.keel.checkpoint.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.checkpoint.EthAddress;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The simulator's signatures are the compiled contract's: functions, events and errors, none missing, none extra. */
class ContractAbiTest {
    private static final EthAddress A = new EthAddress(Bytes.wrap(new byte[20]));

    /** One sample per custom error, so every permitted record is listed (the test below checks that). */
    private static final Map<Class<?>, ContractError.Custom> ERRORS = Map.ofEntries(
            Map.entry(ContractError.WrongChain.class, new ContractError.WrongChain(1, 2)),
            Map.entry(ContractError.WrongEpoch.class, new ContractError.WrongEpoch(1, 2)),
            Map.entry(ContractError.NotContiguous.class, new ContractError.NotContiguous(1, 2)),
            Map.entry(ContractError.EmptyRange.class, new ContractError.EmptyRange(1, 2)),
            Map.entry(ContractError.BadSignatureLength.class, new ContractError.BadSignatureLength(1)),
            Map.entry(ContractError.TooFewSignatures.class, new ContractError.TooFewSignatures(1, 2)),
            Map.entry(ContractError.BadSignature.class, new ContractError.BadSignature(1)),
            Map.entry(ContractError.SignersNotSorted.class, new ContractError.SignersNotSorted(1)),
            Map.entry(ContractError.UnknownSigner.class, new ContractError.UnknownSigner(1, A)),
            Map.entry(ContractError.BadValidatorSet.class, new ContractError.BadValidatorSet()),
            Map.entry(ContractError.UnannouncedValidatorSet.class,
                    new ContractError.UnannouncedValidatorSet(Hash.ZERO, Hash.ZERO)),
            Map.entry(ContractError.Panic.class, new ContractError.Panic(0x11)));

    @Test
    void functionsMatchTheCompiledAbi() throws IOException {
        assertEquals(new TreeSet<>(ContractAbi.FUNCTIONS), signatures("function"));
    }

    @Test
    void eventsMatchTheCompiledAbi() throws IOException {
        assertEquals(new TreeSet<>(ContractAbi.EVENTS), signatures("event"));
    }

    @Test
    void errorsMatchTheCompiledAbi() throws IOException {
        Set<Class<?>> permitted = Stream.of(ContractError.Custom.class.getPermittedSubclasses())
                .collect(Collectors.toSet());
        assertEquals(permitted, ERRORS.keySet());
        Set<String> ours = ERRORS.values().stream().filter(e -> !(e instanceof ContractError.Panic))
                .map(ContractError.Custom::signature).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(ours, signatures("error"));
        ERRORS.values().forEach(e -> assertEquals(4 + 32 * e.args().size(), e.encode().length()));
    }

    @Test
    void constructorTakesChainValidatorsThreshold() throws IOException {
        assertEquals(Set.of("constructor(uint64,address[],uint256)"), signatures("constructor"));
    }

    @Test
    void errorStringEncodesLikeSolidity() {
        // revert("abc"): Error(string) selector, offset 32, length 3, "abc" padded to a word
        assertEquals("08c379a0" + "0".repeat(62) + "20" + "0".repeat(63) + "3" + "616263" + "0".repeat(58),
                new ContractError.Message("abc").encode().toHex());
    }

    /** Canonical signatures of the ABI entries of one type; tuples spelled out as Solidity hashes them. */
    private static Set<String> signatures(String type) throws IOException {
        try (InputStream in = ContractAbiTest.class.getResourceAsStream("/dev/keel/checkpoint/l1/KeelCheckpoints.abi.json")) {
            JsonNode abi = new ObjectMapper().readTree(in);
            Set<String> out = new TreeSet<>();
            for (JsonNode entry : abi) {
                if (entry.get("type").asText().equals(type)) {
                    String name = entry.has("name") ? entry.get("name").asText() : type;
                    out.add(name + "(" + types(entry.get("inputs")) + ")");
                }
            }
            return out;
        }
    }

    private static String types(JsonNode params) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode p : params) {
            String t = p.get("type").asText();
            out.add(t.startsWith("tuple") ? "(" + types(p.get("components")) + ")" + t.substring(5) : t);
        }
        return String.join(",", out);
    }
}
