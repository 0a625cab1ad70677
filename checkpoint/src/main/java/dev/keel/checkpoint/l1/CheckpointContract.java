package dev.keel.checkpoint.l1;

import dev.keel.checkpoint.Checkpoint;
import dev.keel.checkpoint.EthAddress;
import dev.keel.checkpoint.EthKey;
import dev.keel.checkpoint.EthSignature;
import dev.keel.checkpoint.Keccak;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * web3j binding of {@code KeelCheckpoints}, written by hand on web3j's ABI types (no generated
 * wrapper: the generator's output changes with its version, and this surface is small). Static
 * {@code encodeX}/{@code decodeX} methods build and read calldata and return data, so any
 * transport can use them; an instance is a read and dry-run view over a {@link Web3j}.
 * All returned hex is 0x-prefixed; decoders accept it with or without the prefix.
 */
@SuppressWarnings("rawtypes") // web3j's ABI API is written on the raw Type (List<Type>)
public final class CheckpointContract {
    private final Web3j web3;
    private final String address;

    /** A view of the contract at {@code address} (0x + 40 hex digits) on the node behind {@code web3}. */
    public CheckpointContract(Web3j web3, String address) {
        this.web3 = Objects.requireNonNull(web3, "web3");
        this.address = EthAddress.parse(address).hex();
    }

    public String address() {
        return address;
    }

    public LatestInfo latest() {
        return decodeLatest(Rpc.call(web3, address, encodeLatest()));
    }

    public AnchorInfo anchor(long number) {
        return decodeAnchor(Rpc.call(web3, address, encodeAnchor(number)));
    }

    /** The contract's own digest of {@code cp}: the reference Keel's {@link Checkpoint#digest()} must match. */
    public Hash checkpointDigest(Checkpoint cp) {
        return checkpointDigest(CheckpointStruct.of(cp));
    }

    public Hash checkpointDigest(CheckpointStruct cp) {
        return decodeHash(Rpc.call(web3, address, encodeCheckpointDigest(cp)));
    }

    public Hash validatorSetHash() {
        return decodeHash(Rpc.call(web3, address, encodeValidatorSetHash()));
    }

    public Hash nextValidatorSetHash() {
        return decodeHash(Rpc.call(web3, address, encodeNextValidatorSetHash()));
    }

    public long threshold() {
        return decodeThreshold(Rpc.call(web3, address, encodeThreshold()));
    }

    public long epoch() {
        return decodeUint(Rpc.call(web3, address, encodeEpoch())).longValueExact();
    }

    public List<EthAddress> validators() {
        return decodeValidators(Rpc.call(web3, address, encodeValidators()));
    }

    /** Dry-runs {@code data} from {@code from} with eth_call: empty if it would succeed, else the rejection. */
    public Optional<ContractError> callRevert(EthAddress from, String data) {
        return Rpc.dryRun(web3, from, address, data, false);
    }

    /** As {@link #callRevert}, through eth_estimateGas (the path a wallet takes before sending). */
    public Optional<ContractError> estimateRevert(EthAddress from, String data) {
        return Rpc.dryRun(web3, from, address, data, true);
    }

    /** The contract's creation bytecode (0x + hex), as compiled by checkpoint/l1/build-contract.js. */
    public static String bytecode() {
        return ContractArtifact.BYTECODE;
    }

    /** Creation bytecode followed by the constructor arguments: the data of a deployment tx. */
    public static String encodeDeploy(long l2ChainId, List<EthAddress> sortedValidators, int threshold) {
        String args = FunctionEncoder.encodeConstructor(
                List.<Type>of(uint64(l2ChainId), addresses(sortedValidators), uint256(threshold)));
        return bytecode() + args;
    }

    public static String encodeSubmit(Checkpoint cp, List<EthSignature> signaturesSortedBySigner) {
        return encodeSubmit(CheckpointStruct.of(cp), pack(signaturesSortedBySigner));
    }

    /** submitCheckpoint with any struct and any signature bytes, for negative tests. */
    public static String encodeSubmit(CheckpointStruct cp, Bytes packedSignatures) {
        return encode("submitCheckpoint", cp.toAbi(), new DynamicBytes(packedSignatures.toArray()));
    }

    public static String encodeUpdateValidators(List<EthAddress> validators, int threshold, List<EthSignature> sigs) {
        return encode("updateValidators", addresses(validators), uint256(threshold), new DynamicBytes(pack(sigs).toArray()));
    }

    /** Signatures back to back, 65 bytes each, in the given order (the contract wants ascending signers). */
    public static Bytes pack(List<EthSignature> signatures) {
        byte[] out = new byte[signatures.size() * EthSignature.LENGTH];
        for (int i = 0; i < signatures.size(); i++) {
            byte[] sig = signatures.get(i).bytes().unsafeArray();
            System.arraycopy(sig, 0, out, i * EthSignature.LENGTH, EthSignature.LENGTH);
        }
        return Bytes.wrap(out);
    }

    public static String encodeLatest() {
        return encode("latest");
    }

    public static LatestInfo decodeLatest(String hexResult) {
        List<Type> v = ReturnData.decode(hexResult, "latest()", ReturnData.UINT64, ReturnData.UINT64, ReturnData.BYTES32);
        return new LatestInfo(ReturnData.u64(v.get(0)), ReturnData.u64(v.get(1)), ReturnData.hash(v.get(2)));
    }

    public static String encodeAnchor(long number) {
        return encode("anchor", uint64(number));
    }

    public static AnchorInfo decodeAnchor(String hexResult) {
        List<Type> v = ReturnData.decode(hexResult, "anchor()", ReturnData.BYTES32, ReturnData.UINT64, ReturnData.UINT64);
        return new AnchorInfo(ReturnData.hash(v.get(0)), ReturnData.u64(v.get(1)), ReturnData.u64(v.get(2)));
    }

    public static String encodeCheckpointDigest(Checkpoint cp) {
        return encodeCheckpointDigest(CheckpointStruct.of(cp));
    }

    public static String encodeCheckpointDigest(CheckpointStruct cp) {
        return encode("checkpointDigest", cp.toAbi());
    }

    public static Hash decodeCheckpointDigest(String hexResult) {
        return decodeHash(hexResult);
    }

    public static Hash decodeValidatorSetHash(String hexResult) {
        return decodeHash(hexResult);
    }

    public static long decodeThreshold(String hexResult) {
        return decodeUint(hexResult).longValueExact();
    }

    /** Decodes a single bytes32 result: checkpointDigest, validatorSetHash, nextValidatorSetHash. */
    public static Hash decodeHash(String hexResult) {
        return ReturnData.hash(ReturnData.decode(hexResult, "bytes32", ReturnData.BYTES32).get(0));
    }

    /** Decodes a single uint result (threshold, epoch, checkpointCount, lastHeight, l2ChainId). */
    public static BigInteger decodeUint(String hexResult) {
        return (BigInteger) ReturnData.decode(hexResult, "uint", ReturnData.UINT256).get(0).getValue();
    }

    public static String encodeValidatorSetHash() {
        return encode("validatorSetHash");
    }

    public static String encodeNextValidatorSetHash() {
        return encode("nextValidatorSetHash");
    }

    public static String encodeThreshold() {
        return encode("threshold");
    }

    public static String encodeEpoch() {
        return encode("epoch");
    }

    public static String encodeValidators() {
        return encode("validators");
    }

    public static List<EthAddress> decodeValidators(String hexResult) {
        return ReturnData.addresses(hexResult);
    }

    /** The contract's custom error in revert data (see {@link ContractError#decode}). */
    public static Optional<ContractError> decodeRevert(String revertDataHex) {
        return ContractError.decode(revertDataHex);
    }

    /**
     * Deploys a fresh contract with a signed legacy (EIP-155) transaction from {@code deployer},
     * waits for its receipt and returns the new address (0x, lower case).
     *
     * @throws L1Exception if the deployment reverts (e.g. BadValidatorSet), RPC fails or no receipt comes in time
     */
    public static String deploy(Web3j web3, EthKey deployer, long l1ChainId, long l2ChainId, List<EthAddress> validators,
                                int threshold) {
        TransactionSender sender = new TransactionSender(web3, deployer, l1ChainId);
        TransactionReceipt r = sender.sendAndWait(null, encodeDeploy(l2ChainId, validators, threshold),
                TransactionSender.DEFAULT_RECEIPT_TIMEOUT);
        if (!r.isStatusOK() || r.getContractAddress() == null) {
            throw new L1Exception("deployment " + r.getTransactionHash() + " failed: status " + r.getStatus());
        }
        return r.getContractAddress().toLowerCase(java.util.Locale.ROOT);
    }

    /** First four bytes of keccak256(signature), as 8 hex digits without 0x. */
    static String selector(String signature) {
        return HexFormat.of().formatHex(Keccak.hash(signature)).substring(0, 8);
    }

    private static String encode(String name, Type<?>... args) {
        return FunctionEncoder.encode(new Function(name, List.<Type>of(args), List.<TypeReference<?>>of()));
    }

    private static Uint64 uint64(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("a uint64 argument cannot be negative: " + v);
        }
        return new Uint64(v);
    }

    private static Uint256 uint256(int v) {
        if (v < 0) {
            throw new IllegalArgumentException("a uint256 argument cannot be negative: " + v);
        }
        return new Uint256(v);
    }

    private static DynamicArray<Address> addresses(List<EthAddress> list) {
        return new DynamicArray<>(Address.class, list.stream().map(a -> new Address(Objects.requireNonNull(a).hex())).toList());
    }
}
