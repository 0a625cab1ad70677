package dev.keel.checkpoint.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.checkpoint.EthAddress;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.Response;

/** Revert decoding: every custom error round-trips, and both JSON-RPC error shapes yield the data. */
@SuppressWarnings("rawtypes") // web3j's ABI API is written on the raw Type
class ContractErrorTest {
    private static final EthAddress SIGNER = EthAddress.parse("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");

    private static String revert(String signature, Type... args) {
        return "0x" + CheckpointContract.selector(signature) + FunctionEncoder.encodeConstructor(List.of(args));
    }

    @Test
    void knowsExactlyTheContractsErrorsPlusBuiltins() {
        assertEquals(List.of("BadSignature", "BadSignatureLength", "BadValidatorSet", "EmptyRange", "Error",
                "NotContiguous", "Panic", "SignersNotSorted", "TooFewSignatures", "UnannouncedValidatorSet",
                "UnknownSigner", "WrongChain", "WrongEpoch"), ContractError.knownNames());
    }

    @Test
    void everyShapeOfArgumentDecodes() {
        assertEquals(Optional.of(ContractError.of("WrongChain", 7, 8)),
                ContractError.decode(revert("WrongChain(uint64,uint64)", new Uint64(7), new Uint64(8))));
        assertEquals(Optional.of(ContractError.of("UnknownSigner", 2, SIGNER.hex())), ContractError.decode(
                revert("UnknownSigner(uint256,address)", new Uint256(2), new Address(SIGNER.hex()))));
        byte[] a = new byte[32];
        a[31] = 1;
        assertEquals(Optional.of(ContractError.of("UnannouncedValidatorSet", "0x" + "00".repeat(31) + "01", "0x" + "00".repeat(32))),
                ContractError.decode(revert("UnannouncedValidatorSet(bytes32,bytes32)", new Bytes32(a), new Bytes32(new byte[32]))));
        assertEquals(Optional.of(ContractError.of("BadValidatorSet")), ContractError.decode(revert("BadValidatorSet()")));
        assertEquals(Optional.of(ContractError.of("Error", "nope")),
                ContractError.decode(revert("Error(string)", new Utf8String("nope"))));
        assertEquals(Optional.of(ContractError.of("Panic", 17)), ContractError.decode(revert("Panic(uint256)", new Uint256(17))));
    }

    @Test
    void unrecognizedDataIsEmpty() {
        String wrongChain = revert("WrongChain(uint64,uint64)", new Uint64(7), new Uint64(8));
        for (String bad : new String[] {null, "", "0x", "0x1234", "zz", wrongChain.substring(0, wrongChain.length() - 64),
                revert("Other(uint256)", new Uint256(1)), "0x388b13d8zz"}) {
            assertEquals(Optional.empty(), ContractError.decode(bad), String.valueOf(bad));
        }
    }

    private static Response.Error error(String dataAsWeb3jKeepsIt) {
        Response.Error e = new Response.Error(-32603, "reverted");
        e.setData(dataAsWeb3jKeepsIt);
        return e;
    }

    /** web3j keeps error.data as JSON text: a quoted string (geth) or an object (Hardhat). */
    @Test
    void revertDataFromBothRpcShapes() {
        String data = revert("TooFewSignatures(uint256,uint256)", new Uint256(2), new Uint256(3));
        Optional<ContractError> expected = Optional.of(ContractError.of("TooFewSignatures", 2, 3));
        assertEquals(expected, ContractError.fromRpcError(error("\"" + data + "\"")), "geth: data is the hex string");
        assertEquals(expected, ContractError.fromRpcError(error("{\"message\":\"Error: VM Exception\",\"data\":\"" + data + "\"}")),
                "hardhat: data.data is the hex string");
        assertEquals(expected, ContractError.fromRpcError(error(data)), "raw hex, if a client passes it unquoted");
        assertEquals(Optional.empty(), ContractError.revertData(error(null)));
        assertEquals(Optional.empty(), ContractError.revertData(error("{\"message\":\"no data here\"}")));
        assertEquals(Optional.empty(), ContractError.revertData(null));
    }
}
