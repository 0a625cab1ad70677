package dev.keel.node.genesis;

import dev.keel.consensus.core.ReplicaConfig;
import dev.keel.consensus.types.PublicKey;
import dev.keel.network.PeerAddress;
import dev.keel.node.config.ConfigException;
import dev.keel.node.config.NodeConfig;
import dev.keel.node.keys.KeyFiles;
import dev.keel.node.keys.ValidatorKeys;
import dev.keel.storage.lmdb.LmdbConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a validator needs before it starts, loaded and cross-checked: its node config,
 * the genesis, and its keys — which must be the keys the genesis lists at its
 * {@code keel.validator-index}. A node started with another validator's index would sign
 * votes nobody accepts, or worse, with a copied key directory, double-sign as that validator.
 */
public record NodeSetup(NodeConfig config, Genesis genesis, ValidatorKeys keys) {
    private static final Logger LOG = LoggerFactory.getLogger(NodeSetup.class);

    public NodeSetup {
        check(config, genesis, keys);
    }

    /**
     * Reads the HOCON file, then the genesis and key files it names.
     *
     * @throws ConfigException every problem in the config file, or the first file (genesis,
     *                         keys) that is wrong, or a mismatch between them
     */
    public static NodeSetup load(Path configFile) throws IOException {
        return of(NodeConfig.load(configFile));
    }

    /** Reads the genesis and key files a config names, and checks them against it. */
    public static NodeSetup of(NodeConfig config) throws IOException {
        Genesis genesis = Genesis.load(config.genesis());
        ValidatorKeys keys = KeyFiles.load(config.keysDir());
        NodeSetup setup = new NodeSetup(config, genesis, keys);
        GenesisValidator self = setup.self();
        if (self.p2p().port() != config.listen().port()) {
            LOG.warn("listen port differs from the genesis p2p port (fine behind NAT or port mapping) "
                    + "listen={} genesis_p2p={} validator={}", config.listen(), self.p2p(), self.index());
        }
        return setup;
    }

    private static void check(NodeConfig config, Genesis genesis, ValidatorKeys keys) {
        int index = config.validatorIndex();
        if (index >= genesis.size()) {
            throw new ConfigException("keel.validator-index", index + " but the genesis has " + genesis.size()
                    + " validators (0.." + (genesis.size() - 1) + ")");
        }
        GenesisValidator self = genesis.validator(index);
        List<String> wrong = new ArrayList<>();
        if (!self.consensusKey().equals(keys.consensus().publicKey())) {
            wrong.add("consensus");
        }
        if (!self.networkKey().equals(keys.network().publicKey())) {
            wrong.add("network");
        }
        if (!wrong.isEmpty()) {
            throw new ConfigException("keel.validator-index", "the genesis lists other " + String.join(" and ", wrong)
                    + " keys for validator " + index + " than " + config.keysDir() + " holds"
                    + whoseKeys(genesis, keys.consensus().publicKey()) + " (wrong keel.keys-dir or keel.validator-index?)");
        }
    }

    private static String whoseKeys(Genesis genesis, PublicKey consensusKey) {
        for (GenesisValidator v : genesis.validators()) {
            if (v.consensusKey().equals(consensusKey)) {
                return "; those are validator " + v.index() + "'s";
            }
        }
        return "; those keys are not in the genesis at all";
    }

    public int index() {
        return config.validatorIndex();
    }

    public GenesisValidator self() {
        return genesis.validator(index());
    }

    /** The other validators' transport addresses, in index order. */
    public List<PeerAddress> peers() {
        return genesis.peers().stream().filter(p -> p.index() != index()).toList();
    }

    public ReplicaConfig replicaConfig() {
        return genesis.replicaConfig(index());
    }

    public LmdbConfig lmdb() {
        return config.lmdb(genesis.chainId(), keys.consensus().publicKey());
    }
}
