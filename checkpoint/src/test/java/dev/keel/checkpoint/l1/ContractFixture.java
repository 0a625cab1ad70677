package dev.keel.checkpoint.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.checkpoint.Checkpoint;
import dev.keel.checkpoint.EthAddress;
import dev.keel.checkpoint.EthKey;
import dev.keel.checkpoint.EthSignature;
import dev.keel.checkpoint.Keccak;
import dev.keel.checkpoint.MerkleRoot;
import dev.keel.checkpoint.ValidatorSetHash;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.web3j.crypto.Sign;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;

/**
 * What the conformance cases stand on: deterministic validator keys, deployment, checkpoint
 * building and signing, and the two verdicts ("accepted" and "rejected with this error") checked
 * the same way on every L1. Only standard JSON-RPC is used, so a simulator can pass it too.
 */
final class ContractFixture {
    /** The L2 chain id every case's contract is deployed for. */
    static final long L2_CHAIN = 4242;
    /** Gas for transactions expected to revert: they must be mined anyway, so no estimate is possible. */
    static final BigInteger FAILING_TX_GAS = BigInteger.valueOf(2_000_000);

    final Web3j web3;
    final EthKey funder;
    final long l1ChainId;
    final TransactionSender sender;

    ContractFixture(Web3j web3, EthKey funder) {
        this.web3 = web3;
        this.funder = funder;
        try {
            this.l1ChainId = web3.ethChainId().send().getChainId().longValueExact();
        } catch (IOException e) {
            throw new UncheckedIOException("eth_chainId failed", e);
        }
        this.sender = new TransactionSender(web3, funder, l1ChainId);
    }

    /**
     * An HTTP JSON-RPC transport without web3j's request logging: given its own OkHttpClient,
     * web3j adds no logging interceptor, which would otherwise dump every call at DEBUG.
     */
    static HttpService httpService(String url) {
        return new HttpService(url, new okhttp3.OkHttpClient());
    }

    /** A deployed contract and the keys of the set it was deployed with. */
    record Deployment(CheckpointContract contract, List<EthKey> keys, int threshold) {
        List<EthAddress> addresses() {
            return ContractFixture.addresses(keys);
        }

        Hash setHash() {
            return ValidatorSetHash.of(addresses(), threshold);
        }
    }

    /** {@code n} deterministic keys, ascending by address (the order the contract requires). */
    static List<EthKey> keys(String label, int n) {
        List<EthKey> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(EthKey.fromPrivate(Keccak.hash("keel.l1.case." + label + "." + i)));
        }
        out.sort(Comparator.comparing(EthKey::address));
        return List.copyOf(out);
    }

    static List<EthAddress> addresses(List<EthKey> keys) {
        return keys.stream().map(EthKey::address).toList();
    }

    Deployment deploy(List<EthKey> keys, int threshold) {
        String address = CheckpointContract.deploy(web3, funder, l1ChainId, L2_CHAIN, addresses(keys), threshold);
        return new Deployment(new CheckpointContract(web3, address), keys, threshold);
    }

    /**
     * A checkpoint of L2_CHAIN over heights first..last with made-up block data; the root covers
     * at most the first 64 heights (the contract never looks inside it, and ranges stay cheap).
     */
    static Checkpoint checkpoint(long number, long epoch, long first, long last, Hash nextSet) {
        return checkpoint(L2_CHAIN, number, epoch, first, last, nextSet);
    }

    static Checkpoint checkpoint(long chain, long number, long epoch, long first, long last, Hash nextSet) {
        List<Hash> blocks = LongStream.rangeClosed(first, Math.min(last, first + 63)).mapToObj(h -> hash("block." + h)).toList();
        return new Checkpoint(number, chain, epoch, first, last, hash("block." + last), MerkleRoot.of(blocks),
                hash("state." + last), nextSet);
    }

    static Hash hash(String label) {
        return new Hash(Bytes.wrap(Keccak.hash(label)));
    }

    /** Each key signs {@code digest}; the result is ordered by ascending signer address. */
    static List<EthSignature> sign(Hash digest, List<EthKey> signers) {
        return signers.stream().sorted(Comparator.comparing(EthKey::address)).map(k -> k.sign(digest)).toList();
    }

    /** The malleated twin (r, n - s, v flipped): the same signer under plain ECDSA, high s. */
    static EthSignature highSTwin(EthSignature sig) {
        byte[] b = sig.bytes().toArray();
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(b, 32, 64));
        byte[] twinS = org.web3j.utils.Numeric.toBytesPadded(Sign.CURVE_PARAMS.getN().subtract(s), 32);
        System.arraycopy(twinS, 0, b, 32, 32);
        b[64] = (byte) (b[64] == 27 ? 28 : 27);
        return new EthSignature(Bytes.wrap(b));
    }

    static EthSignature withV(EthSignature sig, int v) {
        byte[] b = sig.bytes().toArray();
        b[64] = (byte) v;
        return new EthSignature(Bytes.wrap(b));
    }

    /** Asserts both dry runs pass, sends, and asserts the receipt's status is 1. */
    TransactionReceipt accept(CheckpointContract c, String data) {
        assertEquals(Optional.empty(), c.callRevert(funder.address(), data), "eth_call should succeed");
        assertEquals(Optional.empty(), c.estimateRevert(funder.address(), data), "eth_estimateGas should succeed");
        TransactionReceipt r = sender.sendAndWait(c.address(), data, TransactionSender.DEFAULT_RECEIPT_TIMEOUT);
        assertTrue(r.isStatusOK(), "receipt status should be 1: " + r);
        return r;
    }

    /**
     * Asserts eth_call and eth_estimateGas both reject with exactly {@code expected}, then mines
     * the transaction anyway and asserts receipt status 0 and an unchanged latest().
     */
    void reject(CheckpointContract c, String data, ContractError expected) {
        assertEquals(Optional.of(expected), c.callRevert(funder.address(), data), "eth_call revert");
        assertEquals(Optional.of(expected), c.estimateRevert(funder.address(), data), "eth_estimateGas revert");
        LatestInfo before = c.latest();
        String tx = sender.send(c.address(), data, FAILING_TX_GAS);
        TransactionReceipt r = sender.awaitReceipt(tx, TransactionSender.DEFAULT_RECEIPT_TIMEOUT);
        assertEquals("0x0", r.getStatus(), "a rejected transaction is mined with status 0: " + r);
        assertEquals(List.of(), CheckpointAccepted.fromReceipt(r, c.address()), "no event from a reverted tx");
        assertEquals(before, c.latest(), "a rejected transaction changes nothing");
    }
}
