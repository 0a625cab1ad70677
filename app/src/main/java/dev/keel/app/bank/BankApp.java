package dev.keel.app.bank;

import dev.keel.app.Application;
import dev.keel.app.BlockInfo;
import dev.keel.app.BlockResult;
import dev.keel.app.CheckResult;
import dev.keel.app.QueryResult;
import dev.keel.app.StateRootChain;
import dev.keel.app.TxResult;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The {@code bank} application: accounts keyed by Ed25519 public key, balances that never go
 * negative, and a total supply fixed at genesis and conserved by every transfer. The one
 * transaction is a signed {@link Transfer}; a transfer to a key without an account opens it.
 *
 * <p>Rules, in this order for both {@link #check} and {@link #execute} (cheap state rules first,
 * so junk costs no signature verification): {@code malformed}, {@code self_transfer},
 * {@code unknown_account} (the payer has no account), {@code insufficient_funds},
 * {@code bad_signature}. A rejected transfer changes nothing.
 *
 * <p>Signatures are verified by every validator at execution: a byzantine leader could propose
 * transfers no mempool admitted. A bounded {@link VerifiedTxCache} of transaction hashes remembers
 * what {@link #check} already verified on this validator, so those are not verified twice.
 *
 * <p>State root: {@link StateRootChain}; the writes of one applied transfer are
 * {@code from || u64be(new from balance) || to || u64be(new to balance)}.
 *
 * <p>Threads: {@link #execute} runs on one thread; {@link #check} and {@link #query} read a
 * {@link ConcurrentHashMap} from any thread (per-account reads are atomic; a read during an
 * execute may see part of that block applied, which the Application contract allows).
 */
public final class BankApp implements Application {
    public static final String NAME = "bank";
    public static final String MALFORMED = "malformed";
    public static final String BAD_SIGNATURE = "bad_signature";
    public static final String INSUFFICIENT_FUNDS = "insufficient_funds";
    public static final String SELF_TRANSFER = "self_transfer";
    public static final String UNKNOWN_ACCOUNT = "unknown_account";
    /** About 200k hashes: several seconds of admitted load at the engine's target rates. */
    static final int DEFAULT_CACHE_CAPACITY = 200_000;

    private final Map<PublicKey, Long> balances = new ConcurrentHashMap<>();
    private final long totalSupply;
    private final StateRootChain root = new StateRootChain(NAME);
    private final VerifiedTxCache verified;
    private final LongAdder verifications = new LongAdder();

    public BankApp(BankGenesis genesis) {
        this(genesis, DEFAULT_CACHE_CAPACITY);
    }

    BankApp(BankGenesis genesis, int cacheCapacity) {
        balances.putAll(genesis.balances());
        totalSupply = genesis.totalSupply();
        verified = new VerifiedTxCache(cacheCapacity);
    }

    /** Builds a bank from the genesis's {@code app} parameters (see {@link BankGenesis}). */
    public static BankApp fromParams(Map<String, Object> params) {
        return new BankApp(BankGenesis.parse(params));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult check(Bytes tx) {
        TransferDecoded decoded = Transfer.decode(tx);
        if (decoded instanceof TransferDecoded.Malformed m) {
            return CheckResult.reject(MALFORMED, m.reason());
        } else if (decoded instanceof Transfer t) {
            return checkTransfer(t, tx);
        }
        throw new AssertionError("unhandled transfer decoding " + decoded);
    }

    private CheckResult checkTransfer(Transfer t, Bytes tx) {
        Rejection r = stateRule(t);
        if (r != null) {
            return CheckResult.reject(r.code(), r.message());
        }
        Hash h = Hash.of(tx.unsafeArray());
        if (!verified.contains(h)) { // the mempool re-checks what it holds after every commit
            if (!verify(t, tx)) {
                return CheckResult.reject(BAD_SIGNATURE, "not signed by " + t.from().bytes().toHex());
            }
            verified.add(h);
        }
        return CheckResult.ok(0);
    }

    @Override
    public BlockResult execute(BlockInfo block, List<Bytes> txs) {
        return root.executeBlock(block.height(), txs, this::apply);
    }

    @Override
    public Hash stateRoot() {
        return root.root();
    }

    public Optional<Long> balance(PublicKey account) {
        return Optional.ofNullable(balances.get(account));
    }

    public long totalSupply() {
        return totalSupply;
    }

    public int accounts() {
        return balances.size();
    }

    /** Ed25519 verifications performed so far; tests use it to prove the cache works. */
    long signatureVerifications() {
        return verifications.sum();
    }

    /** The sum of all balances, recomputed: equals {@link #totalSupply()} between blocks. */
    long sumOfBalances() {
        long sum = 0;
        for (long b : balances.values()) {
            sum = Math.addExact(sum, b);
        }
        return sum;
    }

    int cachedVerifications() {
        return verified.size();
    }

    private TxResult apply(Bytes tx) {
        TransferDecoded decoded = Transfer.decode(tx);
        if (decoded instanceof TransferDecoded.Malformed m) {
            return TxResult.rejected(MALFORMED, m.reason());
        } else if (decoded instanceof Transfer t) {
            return applyTransfer(t, tx);
        }
        throw new AssertionError("unhandled transfer decoding " + decoded);
    }

    private TxResult applyTransfer(Transfer t, Bytes tx) {
        Rejection r = stateRule(t);
        if (r != null) {
            return TxResult.rejected(r.code(), r.message());
        }
        // A cache hit is as good as verifying: the hash covers the signature (VerifiedTxCache).
        if (!verified.remove(Hash.of(tx.unsafeArray())) && !verify(t, tx)) {
            return TxResult.rejected(BAD_SIGNATURE, "not signed by " + t.from().bytes().toHex());
        }
        long fromBalance = balances.get(t.from()) - t.amount();
        // Cannot overflow: every balance is at most the total supply, itself a long. addExact
        // turns a broken invariant into a halt rather than a silent fork.
        long toBalance = Math.addExact(balances.getOrDefault(t.to(), 0L), t.amount());
        balances.put(t.from(), fromBalance);
        balances.put(t.to(), toBalance);
        root.write(t.from().bytes());
        root.writeLong(fromBalance);
        root.write(t.to().bytes());
        root.writeLong(toBalance);
        return TxResult.ok();
    }

    /** The state rules, or null when the transfer may proceed to its signature check. */
    private Rejection stateRule(Transfer t) {
        if (t.from().equals(t.to())) {
            return new Rejection(SELF_TRANSFER, "payer and payee are the same account");
        }
        Long balance = balances.get(t.from());
        if (balance == null) {
            return new Rejection(UNKNOWN_ACCOUNT, "no account " + t.from().bytes().toHex());
        }
        if (balance < t.amount()) {
            return new Rejection(INSUFFICIENT_FUNDS, "balance " + balance + " < amount " + t.amount());
        }
        return null;
    }

    private boolean verify(Transfer t, Bytes tx) {
        verifications.increment();
        return t.verify(tx);
    }

    @Override
    public QueryResult query(String path, Map<String, String> params) {
        return BankQuery.answer(this, path);
    }

    private record Rejection(String code, String message) {
    }
}
