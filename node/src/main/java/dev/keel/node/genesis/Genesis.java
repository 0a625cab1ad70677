package dev.keel.node.genesis;

import dev.keel.consensus.core.ReplicaConfig;
import dev.keel.consensus.crypto.Ed25519;
import dev.keel.consensus.liveness.RoundRobin;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.ChainContext;
import dev.keel.consensus.types.PublicKey;
import dev.keel.consensus.types.ValidatorSet;
import dev.keel.network.PeerAddress;
import dev.keel.node.config.Endpoint;
import dev.keel.node.config.Problems;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The founding document of a chain: its id, the first epoch's validators and the protocol
 * parameters. Every validator must load byte-for-byte the same facts, so the file format
 * ({@link GenesisFile}) is strict and this record refuses anything inconsistent: an empty
 * set, indices out of order, a key used twice or not a valid Ed25519 point, two validators
 * on one address.
 */
public record Genesis(String chainId, long epoch, ConsensusParams params, List<GenesisValidator> validators,
                      GenesisApp app, java.util.Optional<GenesisCheckpoints> checkpoints) {
    private static final Ed25519 ED25519 = new Ed25519();

    /** A chain running the key-value application. */
    public Genesis(String chainId, long epoch, ConsensusParams params, List<GenesisValidator> validators) {
        this(chainId, epoch, params, validators, GenesisApp.KV);
    }

    /** A chain without checkpoints (an older genesis, or a chain that does not anchor). */
    public Genesis(String chainId, long epoch, ConsensusParams params, List<GenesisValidator> validators,
                   GenesisApp app) {
        this(chainId, epoch, params, validators, app, java.util.Optional.empty());
    }

    public Genesis {
        validators = List.copyOf(validators);
        Problems p = new Problems(null);
        p.attempt("app", () -> app.create()); // an unknown app or bad app params fail here, not at first block
        p.attempt("chain_id", () -> new ChainContext(chainId, 0));
        if (epoch != 0) {
            p.add("epoch", epoch + ": a genesis starts epoch 0 (later epochs are decided by committed blocks)");
        }
        checkValidators(validators, p);
        if (checkpoints.isPresent() && checkpoints.get().signers().size() != validators.size()) {
            p.add("checkpoint.signers", checkpoints.get().signers().size() + " L1 addresses for " + validators.size()
                    + " validators (one per validator, in index order)");
        }
        p.throwIfAny();
    }

    private static void checkValidators(List<GenesisValidator> validators, Problems p) {
        if (validators.isEmpty() || validators.size() > ValidatorSet.MAX_VALIDATORS) {
            p.add("validators", validators.size() + " validators; need 1.." + ValidatorSet.MAX_VALIDATORS);
        }
        Map<PublicKey, String> keys = new HashMap<>();
        Map<String, String> addresses = new HashMap<>();
        for (int i = 0; i < validators.size(); i++) {
            GenesisValidator v = validators.get(i);
            String at = "validators[" + i + "]";
            if (v.index() != i) {
                p.add(at + ".index", v.index() + " but it is validator " + i + " in the list (indices are 0, 1, 2, … in order)");
            }
            unique(p, keys, v.consensusKey(), at + ".consensus_key");
            unique(p, keys, v.networkKey(), at + ".network_key");
            validKey(p, v.consensusKey(), at + ".consensus_key");
            validKey(p, v.networkKey(), at + ".network_key");
            uniqueAddress(p, addresses, v.p2p(), at + ".p2p");
            uniqueAddress(p, addresses, v.http(), at + ".http");
        }
    }

    private static void unique(Problems p, Map<PublicKey, String> seen, PublicKey key, String field) {
        String first = seen.putIfAbsent(key, field);
        if (first != null) {
            p.add(field, "key " + key.bytes().toHex() + " is also " + first + " (every key must be distinct)");
        }
    }

    private static void validKey(Problems p, PublicKey key, String field) {
        if (!ED25519.isValidPublicKey(key)) {
            p.add(field, key.bytes().toHex() + " is not a valid Ed25519 public key");
        }
    }

    private static void uniqueAddress(Problems p, Map<String, String> seen, Endpoint e, String field) {
        String first = seen.putIfAbsent(e.toString(), field);
        if (first != null) {
            p.add(field, e + " is also " + first);
        }
    }

    /** Reads and checks a genesis file; every problem is in the one exception, naming its field. */
    public static Genesis load(Path file) throws IOException {
        return GenesisFile.load(file);
    }

    /** Writes this genesis as JSON, atomically (temporary file, then rename). */
    public void save(Path file) throws IOException {
        GenesisFile.save(this, file);
    }

    public ChainContext chain() {
        return new ChainContext(chainId, epoch);
    }

    public int size() {
        return validators.size();
    }

    public GenesisValidator validator(int index) {
        return validators.get(index);
    }

    public ValidatorSet validatorSet() {
        return new ValidatorSet(validators.stream().map(GenesisValidator::consensusKey).toList());
    }

    /** Every validator's transport address, in index order (including this node's own). */
    public List<PeerAddress> peers() {
        return validators.stream().map(v -> new PeerAddress(v.index(), v.p2p().host(), v.p2p().port(), v.networkKey()))
                .toList();
    }

    /** Block 0 of this chain: every validator computes the same one from the genesis alone. */
    public Block genesisBlock() {
        return Block.genesis(chain(), validators.size());
    }

    /** The replica settings for validator {@code self}: round-robin leaders, no sabotage. */
    public ReplicaConfig replicaConfig(int self) {
        return new ReplicaConfig(chain(), validatorSet(), self, new RoundRobin(validators.size()), params.baseTimeout(),
                params.maxTimeout(), params.maxFutureRounds(), params.maxBlockTxs(), params.maxBlockBytes(), Set.of());
    }
}
