package dev.keel.node.checkpoint;

import dev.keel.checkpoint.EthKey;
import dev.keel.checkpoint.anchor.AnchorWatcher;
import dev.keel.checkpoint.anchor.Anchoring;
import dev.keel.checkpoint.anchor.L1Settings;
import dev.keel.checkpoint.anchor.Submitter;
import dev.keel.checkpoint.anchor.Web3jL1;
import dev.keel.node.config.ConfigException;
import dev.keel.node.genesis.GenesisCheckpoints;
import dev.keel.node.genesis.NodeSetup;
import dev.keel.node.keys.L1KeyFile;
import dev.keel.network.Transport;
import dev.keel.storage.ChainStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Builds a validator's checkpoint service from its setup, or nothing when the genesis has no checkpoints. */
public final class CheckpointWiring {
    private CheckpointWiring() {
    }

    /** A running service and what the API reads from it. */
    public record Wired(CheckpointService service, CheckpointView view, Optional<Web3jL1> l1) implements AutoCloseable {
        @Override
        public void close() {
            service.close();
            l1.ifPresent(Web3jL1::close);
        }
    }

    public static Optional<Wired> create(NodeSetup setup, ChainStore store, Transport transport, MeterRegistry registry)
            throws IOException {
        Optional<GenesisCheckpoints> gc = setup.genesis().checkpoints();
        if (gc.isEmpty()) {
            return Optional.empty();
        }
        int self = setup.config().validatorIndex();
        EthKey key = L1KeyFile.load(setup.config().keysDir()).orElseThrow(() -> problem(setup,
                "the genesis has checkpoints, so this validator needs its L1 key "
                        + setup.config().keysDir().resolve(L1KeyFile.FILE_NAME) + " (keel keygen writes it)"));
        if (!key.address().equals(gc.get().signers().get(self))) {
            throw problem(setup, "l1.key is address " + key.address() + " but the genesis lists "
                    + gc.get().signers().get(self) + " for validator " + self);
        }
        var signers = gc.get().checkpointSigners();
        var ranges = new RangeBuilder(gc.get().schedule(), GenesisCheckpoints.l2ChainId(setup.genesis().chainId()),
                signers.setHash(), store);
        Optional<L1Settings> settings = setup.config().l1();
        Optional<Web3jL1> l1 = settings.map(s -> new Web3jL1(s.url(), s.contract(), Duration.ofSeconds(5)));
        CheckpointService[] holder = new CheckpointService[1];
        Optional<Anchoring> anchoring = settings.map(s -> {
            Web3jL1 port = l1.get();
            var watcher = new AnchorWatcher(port, s.confirmations(), n -> holder[0].localDigest(n));
            var submitter = new Submitter(port, key, self, signers.size(), s, new StoreJournal(store),
                    n -> holder[0].formedCheckpoint(n), System::currentTimeMillis);
            return new Anchoring(watcher, submitter, System::currentTimeMillis);
        });
        holder[0] = new CheckpointService(self, key, signers, store, ranges, transport::broadcast, transport::send,
                anchoring, registry, System::currentTimeMillis);
        holder[0].start(settings.map(s -> s.poll().toMillis()).orElse(1000L));
        return Optional.of(new Wired(holder[0], new ServiceView(holder[0], gc.get().interval(), settings), l1));
    }

    private static ConfigException problem(NodeSetup setup, String why) {
        return new ConfigException(setup.config().keysDir().toString(), List.of(new ConfigException.Problem("", why)));
    }
}
