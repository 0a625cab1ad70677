package dev.keel.checkpoint.l1;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.Utils;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.core.Response;

/**
 * A contract rejection decoded from revert data: the custom error's name and its arguments as
 * text (integers in decimal, addresses and bytes32 as lower-case 0x hex), e.g.
 * {@code TooFewSignatures[2, 3]}. The error table is read from the compiled ABI resource, so it
 * cannot drift from the contract; Solidity's built-in {@code Error(string)} and
 * {@code Panic(uint256)} are added.
 */
@SuppressWarnings("rawtypes") // web3j's ABI API is written on the raw Type (List<Type>)
public record ContractError(String name, List<String> args) {
    /** Name used by dry runs for revert data that is none of the known errors; its one arg is the raw hex. */
    public static final String UNRECOGNIZED = "UnrecognizedRevert";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HEX_DATA = Pattern.compile("0x([0-9a-fA-F]{2})*");
    private static final Map<String, Signature> BY_SELECTOR = loadErrors();

    public ContractError {
        Objects.requireNonNull(name, "name");
        args = List.copyOf(args);
    }

    public static ContractError of(String name, Object... args) {
        return new ContractError(name, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    /** Decodes revert data (0x + 4-byte selector + ABI arguments); empty when unrecognized or malformed. */
    public static Optional<ContractError> decode(String revertDataHex) {
        if (revertDataHex == null || !HEX_DATA.matcher(revertDataHex.strip()).matches()) {
            return Optional.empty();
        }
        String hex = revertDataHex.strip().substring(2).toLowerCase(Locale.ROOT);
        Signature sig = hex.length() >= 8 ? BY_SELECTOR.get(hex.substring(0, 8)) : null;
        if (sig == null) {
            return Optional.empty();
        }
        String body = hex.substring(8);
        if (body.length() < 64 * sig.types().size()) {
            return Optional.empty(); // truncated: dynamic types need even more, static ones exactly this
        }
        try {
            List<Type> values = FunctionReturnDecoder.decode("0x" + body, Utils.convert(sig.types()));
            if (values.size() != sig.types().size()) {
                return Optional.empty();
            }
            return Optional.of(new ContractError(sig.name(), values.stream().map(ContractError::text).toList()));
        } catch (RuntimeException malformed) {
            return Optional.empty(); // revert data comes from outside: an unreadable one is "unrecognized"
        }
    }

    /**
     * The revert data inside a JSON-RPC error, in either shape nodes use: geth puts the hex
     * string in {@code error.data}; Hardhat puts an object there whose {@code data} field is the
     * hex string. web3j keeps {@code error.data} as JSON text, hence the parse.
     */
    public static Optional<String> revertData(Response.Error error) {
        if (error == null || error.getData() == null) {
            return Optional.empty();
        }
        String raw = error.getData().strip();
        JsonNode node;
        try {
            node = JSON.readTree(raw);
        } catch (JsonProcessingException notJson) {
            return HEX_DATA.matcher(raw).matches() ? Optional.of(raw) : Optional.empty();
        }
        for (int depth = 0; depth < 4 && node != null; depth++) { // bounded: nesting is one level in practice
            if (node.isTextual()) {
                String text = node.asText().strip();
                return HEX_DATA.matcher(text).matches() && text.length() >= 10 ? Optional.of(text) : Optional.empty();
            }
            node = node.isObject() ? node.get("data") : null;
        }
        return Optional.empty();
    }

    /** {@link #decode} of {@link #revertData}. */
    public static Optional<ContractError> fromRpcError(Response.Error error) {
        return revertData(error).flatMap(ContractError::decode);
    }

    /** Names of every error this decoder knows, for tests that pin the table. */
    static List<String> knownNames() {
        return BY_SELECTOR.values().stream().map(Signature::name).sorted().toList();
    }

    @Override
    public String toString() {
        return name + args;
    }

    private static String text(Type<?> value) {
        Object v = value.getValue();
        if (v instanceof BigInteger i) {
            return i.toString();
        }
        if (v instanceof byte[] b) {
            return "0x" + HexFormat.of().formatHex(b);
        }
        if (value instanceof Address a) {
            return a.toString().toLowerCase(Locale.ROOT);
        }
        return String.valueOf(v);
    }

    private record Signature(String name, List<TypeReference<?>> types) {
    }

    private static Map<String, Signature> loadErrors() {
        Map<String, Signature> out = new LinkedHashMap<>();
        add(out, "Error", List.of("string"));
        add(out, "Panic", List.of("uint256"));
        try (InputStream in = ContractArtifact.open(ContractArtifact.ABI_RESOURCE)) {
            for (JsonNode entry : JSON.readTree(in)) {
                if ("error".equals(entry.path("type").asText())) {
                    List<String> types = new ArrayList<>();
                    entry.path("inputs").forEach(p -> types.add(p.path("type").asText()));
                    add(out, entry.path("name").asText(), types);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ContractArtifact.ABI_RESOURCE, e);
        }
        return Map.copyOf(out);
    }

    private static void add(Map<String, Signature> out, String name, List<String> solidityTypes) {
        List<TypeReference<?>> refs = new ArrayList<>();
        for (String t : solidityTypes) {
            try {
                refs.add(TypeReference.makeTypeReference(t));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("ABI type " + t + " of error " + name + " unknown to web3j", e);
            }
        }
        String selector = CheckpointContract.selector(name + "(" + String.join(",", solidityTypes) + ")");
        out.put(selector, new Signature(name, List.copyOf(refs)));
    }
}
