package dev.keel.checkpoint.anchor;

import dev.keel.checkpoint.Checkpoint;
import dev.keel.checkpoint.EthAddress;
import dev.keel.checkpoint.l1.AnchorInfo;
import dev.keel.checkpoint.l1.LatestInfo;
import dev.keel.consensus.types.Hash;
import java.math.BigInteger;
import java.security.SignatureException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.transaction.type.Transaction1559;

/**
 * An in-memory L1 with a KeelCheckpoints contract reduced to what the anchoring code observes:
 * a list of anchored checkpoints (the contract checks only contiguity here, not signatures),
 * a head, a mempool of sent transactions by hash, per-account nonces, and switches to fail
 * calls. Transactions are really decoded (web3j), so the tests see the nonce and fees sent.
 */
final class FakeL1 implements L1Port {
    static final BigInteger GWEI = L1Settings.GWEI;
    static final long CHAIN_ID = 31_337;
    static final long GAS = 150_000;

    /** @param txHash the transaction that anchored it, or null when it landed from outside */
    record Anchor(Hash digest, long height, long l1Block, String txHash) {
    }

    record Tx(String hash, String raw, EthAddress from, long nonce, BigInteger tip, BigInteger maxFee, String data) {
    }

    final List<Anchor> anchors = new ArrayList<>();
    final Map<String, Tx> mempool = new LinkedHashMap<>();
    final Map<String, Tx> mined = new HashMap<>();
    final Map<String, Receipt> receipts = new HashMap<>();
    final Map<EthAddress, Long> nonces = new HashMap<>();
    /** Every raw transaction handed to {@link #send}, in order, including refused ones. */
    final List<String> broadcasts = new ArrayList<>();
    /** Contract reads per checkpoint number. */
    final Map<Long, Integer> anchorReads = new HashMap<>();
    long head = 100;
    OptionalLong finalized = OptionalLong.empty();
    BigInteger baseFee = GWEI.multiply(BigInteger.TEN);
    BigInteger priorityFee = GWEI;
    /** Every call fails, as when the endpoint is down. */
    boolean down;
    /** Names of the methods that fail (a flaky endpoint). */
    final Set<String> failing = new HashSet<>();
    /** When set, every preflight reverts with this error. */
    String refuse;
    /** Sees each raw transaction before the L1 takes it; may throw to simulate a crash mid-send. */
    Consumer<String> onSend = raw -> { };
    /** Runs after {@link #latest} answers: lets a test change the chain between two reads. */
    Runnable afterLatest = () -> { };

    private void check(String method) {
        if (down || failing.contains(method)) {
            throw new L1Exception(method + ": fake L1 unreachable");
        }
    }

    @Override
    public long chainId() {
        check("chainId");
        return CHAIN_ID;
    }

    @Override
    public long headNumber() {
        check("headNumber");
        return head;
    }

    @Override
    public OptionalLong finalizedNumber() {
        check("finalizedNumber");
        return finalized;
    }

    @Override
    public BigInteger baseFee() {
        check("baseFee");
        return baseFee;
    }

    @Override
    public BigInteger priorityFee() {
        check("priorityFee");
        return priorityFee;
    }

    @Override
    public long pendingNonce(EthAddress account) {
        check("pendingNonce");
        long next = nonces.getOrDefault(account, 0L);
        for (Tx t : mempool.values()) {
            if (t.from().equals(account)) {
                next = Math.max(next, t.nonce() + 1);
            }
        }
        return next;
    }

    @Override
    public long minedNonce(EthAddress account) {
        check("minedNonce");
        return nonces.getOrDefault(account, 0L);
    }

    @Override
    public LatestInfo latest() {
        check("latest");
        LatestInfo l = anchors.isEmpty() ? new LatestInfo(0, 0, Hash.ZERO)
                : new LatestInfo(anchors.size(), lastHeight(), anchors.get(anchors.size() - 1).digest());
        afterLatest.run();
        return l;
    }

    @Override
    public AnchorInfo anchor(long number) {
        check("anchor");
        anchorReads.merge(number, 1, Integer::sum);
        if (number < 1 || number > anchors.size()) {
            return new AnchorInfo(Hash.ZERO, 0, 0);
        }
        Anchor a = anchors.get((int) number - 1);
        return new AnchorInfo(a.digest(), a.height(), a.l1Block());
    }

    @Override
    public Preflight preflight(EthAddress from, String calldata) {
        check("preflight");
        if (refuse != null) {
            return new Preflight.Reverts(refuse);
        }
        Checkpoint cp = submitted(calldata);
        return cp.firstHeight() == lastHeight() + 1 ? new Preflight.Ok(GAS)
                : new Preflight.Reverts("NotContiguous(" + (lastHeight() + 1) + ", " + cp.firstHeight() + ")");
    }

    @Override
    public String send(String raw) {
        check("send");
        broadcasts.add(raw);
        onSend.accept(raw);
        Tx tx = decode(raw);
        if (mempool.containsKey(tx.hash()) || mined.containsKey(tx.hash())) {
            return tx.hash();
        }
        if (tx.nonce() < minedNonce(tx.from())) {
            throw new L1Exception("nonce too low");
        }
        for (Tx old : List.copyOf(mempool.values())) {
            if (old.from().equals(tx.from()) && old.nonce() == tx.nonce()) {
                if (tx.tip().compareTo(tenPercentMore(old.tip())) < 0
                        || tx.maxFee().compareTo(tenPercentMore(old.maxFee())) < 0) {
                    throw new L1Exception("replacement transaction underpriced");
                }
                mempool.remove(old.hash());
            }
        }
        mempool.put(tx.hash(), tx);
        return tx.hash();
    }

    @Override
    public Optional<Receipt> receipt(String txHash) {
        check("receipt");
        return Optional.ofNullable(receipts.get(txHash));
    }

    @Override
    public boolean knows(String txHash) {
        check("knows");
        return mempool.containsKey(txHash) || mined.containsKey(txHash);
    }

    /** Mines one block holding every pending transaction that is next in its sender's nonce order. */
    void mine() {
        head++;
        List<Tx> pending = new ArrayList<>(mempool.values());
        pending.sort(Comparator.comparingLong(Tx::nonce));
        for (Tx t : pending) {
            if (t.nonce() != nonces.getOrDefault(t.from(), 0L)) {
                continue;
            }
            mempool.remove(t.hash());
            mined.put(t.hash(), t);
            nonces.put(t.from(), t.nonce() + 1);
            Checkpoint cp = submitted(t.data());
            boolean ok = cp.firstHeight() == lastHeight() + 1;
            if (ok) {
                anchors.add(new Anchor(cp.digest(), cp.lastHeight(), head, t.hash()));
            }
            receipts.put(t.hash(), new Receipt(t.hash(), head, ok, GAS));
        }
    }

    /** Someone else's submission of {@code cp} lands in a new block. */
    void anchorFromOutside(Checkpoint cp) {
        head++;
        anchors.add(new Anchor(cp.digest(), cp.lastHeight(), head, null));
    }

    /**
     * Drops the last {@code k} anchors. Their transactions go back to the mempool, or, with
     * {@code forget}, vanish (their nonces become free again).
     */
    void reorg(int k, boolean forget) {
        for (int i = 0; i < k; i++) {
            Anchor a = anchors.remove(anchors.size() - 1);
            if (a.txHash() != null) {
                Tx t = mined.remove(a.txHash());
                receipts.remove(t.hash());
                nonces.put(t.from(), Math.min(nonces.get(t.from()), t.nonce()));
                if (!forget) {
                    mempool.put(t.hash(), t);
                }
            }
        }
    }

    /** The L1 forgets a pending transaction (evicted, or the node restarted). */
    void forget(String txHash) {
        mempool.remove(txHash);
    }

    /** Another transaction of {@code account} is mined, using up its next nonce. */
    void consumeNonce(EthAddress account) {
        nonces.merge(account, 1L, Long::sum);
    }

    long lastHeight() {
        return anchors.isEmpty() ? 0 : anchors.get(anchors.size() - 1).height();
    }

    static Tx decode(String raw) {
        SignedRawTransaction t = (SignedRawTransaction) TransactionDecoder.decode(raw);
        Transaction1559 fees = (Transaction1559) t.getTransaction();
        try {
            return new Tx(org.web3j.crypto.Hash.sha3(raw), raw, EthAddress.parse(t.getFrom()),
                    t.getNonce().longValueExact(), fees.getMaxPriorityFeePerGas(), fees.getMaxFeePerGas(), t.getData());
        } catch (SignatureException e) {
            throw new AssertionError("the submitter sent a badly signed transaction", e);
        }
    }

    /**
     * The checkpoint in submitCheckpoint calldata: a selector, then the struct's eight static
     * words. The contract numbers checkpoints itself, and the digest does not cover the number.
     */
    Checkpoint submitted(String calldata) {
        String hex = calldata.startsWith("0x") ? calldata.substring(2) : calldata;
        long[] n = new long[4];
        for (int i = 0; i < 4; i++) {
            n[i] = new BigInteger(word(hex, i), 16).longValueExact();
        }
        return new Checkpoint(anchors.size() + 1, n[0], n[1], n[2], n[3], Hash.fromHex(word(hex, 4)),
                Hash.fromHex(word(hex, 5)), Hash.fromHex(word(hex, 6)), Hash.fromHex(word(hex, 7)));
    }

    private static String word(String hex, int i) {
        return hex.substring(8 + 64 * i, 8 + 64 * (i + 1));
    }

    private static BigInteger tenPercentMore(BigInteger v) {
        return v.multiply(BigInteger.valueOf(11)).divide(BigInteger.TEN);
    }
}
