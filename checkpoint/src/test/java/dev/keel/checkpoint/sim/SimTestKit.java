package dev.keel.checkpoint.sim;

import dev.keel.checkpoint.Checkpoint;
import dev.keel.checkpoint.EthAddress;
import dev.keel.checkpoint.EthKey;
import dev.keel.checkpoint.EthSignature;
import dev.keel.checkpoint.Keccak;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/** One simulator plus web3j and the small helpers the sim tests share: keys, raw transactions, checkpoints. */
final class SimTestKit implements AutoCloseable {
    static final BigInteger GWEI = SimL1Config.GWEI;
    static final BigInteger GAS = BigInteger.valueOf(3_000_000);
    static final long L2_CHAIN = 777;

    final L1Simulator sim;
    final Web3j web3;
    final EthKey sender = key("sender", 0);

    SimTestKit(SimL1Config config) {
        try {
            this.sim = L1Simulator.start(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.web3 = Web3j.build(new HttpService(sim.url()));
    }

    static SimTestKit automine() {
        return new SimTestKit(SimL1Config.automine());
    }

    static EthKey key(String label, int i) {
        return EthKey.fromPrivate(Keccak.hash("keel.sim.test." + label + "." + i));
    }

    /** {@code n} validator keys sorted by address, as the contract wants signers. */
    static List<EthKey> validators(int n) {
        return Stream.iterate(0, i -> i + 1).limit(n).map(i -> key("validator", i))
                .sorted(Comparator.comparing(EthKey::address)).toList();
    }

    static int threshold(int n) {
        return 2 * n / 3 + 1;
    }

    static List<EthAddress> addresses(List<EthKey> keys) {
        return keys.stream().map(EthKey::address).toList();
    }

    long nonce(EthKey k) {
        try {
            return web3.ethGetTransactionCount(k.address().hex(), DefaultBlockParameterName.PENDING).send()
                    .getTransactionCount().longValueExact();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs and sends an EIP-1559 transaction; {@code to == null} deploys. */
    EthSendTransaction send(EthKey from, long nonce, String to, String data, BigInteger maxFee, BigInteger tip) {
        RawTransaction tx = RawTransaction.createTransaction(sim.config().chainId(), BigInteger.valueOf(nonce), GAS,
                to, BigInteger.ZERO, data, tip, maxFee);
        return sendSigned(TransactionEncoder.signMessage(tx, sim.config().chainId(),
                Credentials.create(from.web3jKeyPair())));
    }

    EthSendTransaction sendSigned(byte[] signed) {
        try {
            return web3.ethSendRawTransaction(Numeric.toHexString(signed)).send();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends from {@link #sender} with its next nonce and generous fees; fails the test if refused. */
    String transact(String to, String data) {
        EthSendTransaction r = send(sender, nonce(sender), to, data, GWEI.multiply(BigInteger.valueOf(100)), GWEI);
        if (r.hasError()) {
            throw new AssertionError("transaction refused: " + r.getError().getMessage());
        }
        return r.getTransactionHash();
    }

    TransactionReceipt receipt(String txHash) {
        try {
            return web3.ethGetTransactionReceipt(txHash).send().getTransactionReceipt()
                    .orElseThrow(() -> new AssertionError("no receipt for " + txHash));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    EthCall call(String to, String data) {
        try {
            return web3.ethCall(Transaction.createEthCallTransaction(sender.address().hex(), to, data),
                    DefaultBlockParameterName.LATEST).send();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deploys KeelCheckpoints for {@link #L2_CHAIN} with {@code keys} and {@code threshold}; returns its address. */
    String deploy(List<EthKey> keys, int threshold) {
        String hash = transact(null, deployData(L2_CHAIN, addresses(keys), BigInteger.valueOf(threshold)));
        TransactionReceipt r = receipt(hash);
        if (!r.isStatusOK()) {
            throw new AssertionError("deployment failed: " + r.getRevertReason());
        }
        return r.getContractAddress();
    }

    /** Creation bytecode + abi.encode(uint64 chainId, address[] validators, uint256 threshold). */
    static String deployData(long chainId, List<EthAddress> validators, BigInteger threshold) {
        List<BigInteger> words = new ArrayList<>(List.of(BigInteger.valueOf(chainId), BigInteger.valueOf(96), threshold,
                BigInteger.valueOf(validators.size())));
        validators.forEach(a -> words.add(ContractAbi.word(a)));
        return "0x" + ContractCode.load().creation().toHex() + ContractAbi.encodeWords(words).toHex();
    }

    static Checkpoint checkpoint(long number, long epoch, long first, long last, Hash nextSet) {
        return new Checkpoint(number, L2_CHAIN, epoch, first, last, hashOf("block", last), hashOf("blocks", last),
                hashOf("state", last), nextSet);
    }

    static Hash hashOf(String label, long n) {
        return new Hash(Bytes.wrap(Keccak.hash(label + n)));
    }

    /** Signatures of {@code signers} over {@code digest}, sorted by signer address. */
    static List<EthSignature> sign(List<EthKey> signers, Hash digest) {
        return signers.stream().sorted(Comparator.comparing(EthKey::address)).map(k -> k.sign(digest)).toList();
    }

    static String submitData(Checkpoint cp, List<EthSignature> sigs) {
        return submitData(Bytes.wrap(java.util.Arrays.copyOfRange(cp.abiEncode(), 32, 9 * 32)), pack(sigs));
    }

    /** submitCheckpoint(struct words, packed signatures). */
    static String submitData(Bytes structWords, Bytes packed) {
        List<BigInteger> head = List.of(BigInteger.valueOf(9 * 32), BigInteger.valueOf(packed.length()));
        byte[] padded = java.util.Arrays.copyOf(packed.unsafeArray(), (packed.length() + 31) / 32 * 32);
        return "0x" + ContractAbi.selector(ContractAbi.SUBMIT_CHECKPOINT).toHex() + structWords.toHex()
                + hex(ContractAbi.encodeWords(head).unsafeArray()) + hex(padded);
    }

    static Bytes pack(List<EthSignature> sigs) {
        List<byte[]> parts = new ArrayList<>();
        sigs.forEach(s -> parts.add(s.bytes().unsafeArray()));
        byte[] out = new byte[65 * parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            System.arraycopy(parts.get(i), 0, out, 65 * i, 65);
        }
        return Bytes.wrap(out);
    }

    static String callData(String signature, BigInteger... args) {
        return "0x" + ContractAbi.encodeCall(ContractAbi.selector(signature), List.of(args)).toHex();
    }

    static String hex(byte[] b) {
        return Bytes.wrap(b).toHex();
    }

    static String selectorHex(String errorSignature) {
        return "0x" + ContractAbi.selector(errorSignature).toHex();
    }

    @Override
    public void close() {
        web3.shutdown();
        sim.close();
    }
}
