package dev.keel.node.runtime;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.keel.consensus.core.ReplicaConfig;
import dev.keel.consensus.crypto.Ed25519;
import dev.keel.consensus.crypto.Signer;
import dev.keel.consensus.message.Message;
import dev.keel.consensus.verify.CertificateVerifier;
import dev.keel.app.Application;
import dev.keel.mempool.Mempool;
import dev.keel.node.chain.BlockFeed;
import dev.keel.node.chain.ChainService;
import dev.keel.consensus.message.CheckpointVote;
import dev.keel.node.checkpoint.CheckpointService;
import dev.keel.node.checkpoint.CheckpointView;
import dev.keel.node.checkpoint.CheckpointWiring;
import dev.keel.node.execution.BlockExecutor;
import java.util.function.BiConsumer;
import dev.keel.node.http.ApiRoutes;
import dev.keel.node.http.ChainApi;
import dev.keel.node.http.ChainApiLimits;
import dev.keel.node.metrics.TxMetrics;
import dev.keel.storage.exec.ExecutionLog;
import dev.keel.storage.exec.LmdbExecutionLog;
import java.nio.file.Path;
import dev.keel.network.Inbound;
import dev.keel.network.NetworkSettings;
import dev.keel.network.Transport;
import dev.keel.network.tcp.PekkoTransport;
import dev.keel.node.actor.ConsensusActor;
import dev.keel.node.actor.ConsensusDeps;
import dev.keel.node.genesis.Genesis;
import dev.keel.node.genesis.NodeSetup;
import dev.keel.node.http.HttpServer;
import dev.keel.node.http.NodeApi;
import dev.keel.node.metrics.NodeMetrics;
import dev.keel.storage.lmdb.LmdbStore;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One validator process: storage, transport, the consensus actor and the HTTP API, started
 * in dependency order and stopped in reverse (stop accepting, flush, close LMDB last).
 */
public final class ValidatorNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ValidatorNode.class);
    private static final Duration STARTUP = Duration.ofSeconds(20);

    private final ActorSystem<SpawnProtocol.Command> system;
    private final LmdbStore store;
    private final Transport transport;
    private final HttpServer http;
    private final NodeMetrics metrics;
    private final NodeState state;
    private final ChainService chain;
    private final ExecutionLog execLog;
    private final CheckpointWiring.Wired checkpoints; // null when the genesis has no checkpoints

    private ValidatorNode(ActorSystem<SpawnProtocol.Command> system, LmdbStore store, Transport transport, HttpServer http,
                          NodeMetrics metrics, NodeState state, ChainService chain, ExecutionLog execLog,
                          CheckpointWiring.Wired checkpoints) {
        this.checkpoints = checkpoints;
        this.chain = chain;
        this.execLog = execLog;
        this.system = system;
        this.store = store;
        this.transport = transport;
        this.http = http;
        this.metrics = metrics;
        this.state = state;
    }

    /** Starts everything; throws (after undoing what started) if any part cannot start. */
    public static ValidatorNode start(NodeSetup setup) throws Exception {
        Genesis genesis = setup.genesis();
        int self = setup.config().validatorIndex();
        var keys = setup.keys();
        NodeMetrics metrics = new NodeMetrics(genesis.size());
        LmdbStore store = LmdbStore.open(setup.config().lmdb(genesis.chainId(), keys.consensus().publicKey()), genesis.genesisBlock());
        ActorSystem<SpawnProtocol.Command> system = null;
        Transport transport = null;
        ExecutionLog execLog = null;
        ChainService chain = null;
        CheckpointWiring.Wired checkpoints = null;
        try {
            Path dataDir = setup.config().dataDir();
            execLog = LmdbExecutionLog.open(dataDir.resolveSibling(dataDir.getFileName() + ".exec"));
            system = ActorSystem.create(SpawnProtocol.create(), "keel-" + self, pekkoConfig());
            AtomicReference<ActorRef<ConsensusActor.Command>> consensus = new AtomicReference<>();
            AtomicReference<Transport> transportRef = new AtomicReference<>();
            NodeState state = new NodeState(genesis.chainId(), self, genesis.size(), metrics, transportRef::get);
            Inbound inbound = new Inbound() {
                @Override
                public void onMessage(int from, Message message) {
                    var ref = consensus.get();
                    if (ref != null) {
                        ref.tell(new ConsensusActor.FromPeer(from, message));
                    }
                }

                @Override
                public void onRejected(int from, String reason) {
                    metrics.onRejected("wire_" + reason);
                }
            };
            var settings = NetworkSettings.of(genesis.chainId(), self, keys.network(), genesis.peers())
                    .withBindHost(setup.config().listen().host());
            transport = PekkoTransport.start(system, settings, inbound);
            transportRef.set(transport);
            for (var entry : transport.stats().keySet()) {
                int peer = entry;
                Transport t = transport;
                metrics.registerPeerBytes(peer, t, x -> x.stats().get(peer).bytesIn(), x -> x.stats().get(peer).bytesOut());
            }
            ReplicaConfig rc = genesis.replicaConfig(self);
            Application app = genesis.app().create();
            ExecutionLog log = execLog;
            Transport t = transport;
            Mempool mempool = new Mempool(setup.config().mempool(), app::check, h -> store.findTx(h).isPresent());
            chain = new ChainService(app, mempool, store, listener -> new BlockExecutor(app, store, log, listener),
                    new BlockFeed(system), t::broadcast, new TxMetrics(metrics.registry(), mempool),
                    System::currentTimeMillis, rc.maxBlockTxs(), rc.maxBlockBytes());
            checkpoints = CheckpointWiring.create(setup, store, transport, metrics.registry()).orElse(null);
            if (checkpoints != null) {
                CheckpointService svc = checkpoints.service();
                chain.alsoOnExecuted((block, hashes, record, replay) -> svc.onExecuted(block, record.stateRoot(), replay));
            }
            CheckpointView checkpointView = checkpoints == null ? CheckpointView.disabled() : checkpoints.view();
            chain.start();
            Ed25519 scheme = new Ed25519();
            var deps = new ConsensusDeps(rc, new Signer(scheme, keys.consensus(), genesis.chain()),
                    new CertificateVerifier(rc.validators(), rc.chain(), scheme, rc.quorum(), genesis.genesisBlock().id()),
                    store, transport, state, chain, idleWait(genesis), checkpointVotes(checkpoints));
            consensus.set(spawn(system, deps));
            HttpServer http = HttpServer.start(system, setup.config().http(),
                            ApiRoutes.combine(new NodeApi(state, metrics.registry(), checkpointView),
                                    new ChainApi(chain, ChainApiLimits.forMaxTx(setup.config().mempool().maxTxBytes()),
                                            checkpointView)))
                    .toCompletableFuture().get(STARTUP.toSeconds(), TimeUnit.SECONDS);
            LOG.info("validator started validator={} chain={} p2p={} http={} data={}", self, genesis.chainId(),
                    setup.config().listen(), setup.config().http(), setup.config().dataDir());
            return new ValidatorNode(system, store, transport, http, metrics, state, chain, execLog, checkpoints);
        } catch (Exception | Error e) {
            if (checkpoints != null) {
                checkpoints.close();
            }
            if (chain != null) {
                chain.close();
            }
            if (transport != null) {
                transport.close();
            }
            if (system != null) {
                system.terminate();
                system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
            store.close();
            if (execLog != null) {
                execLog.close();
            }
            throw e;
        }
    }

    private static BiConsumer<Integer, CheckpointVote> checkpointVotes(CheckpointWiring.Wired checkpoints) {
        if (checkpoints == null) {
            return (from, vote) -> { }; // this chain does not checkpoint: votes are dropped
        }
        CheckpointService svc = checkpoints.service();
        return svc::onVote;
    }

    private static ActorRef<ConsensusActor.Command> spawn(ActorSystem<SpawnProtocol.Command> system, ConsensusDeps deps)
            throws Exception {
        CompletionStage<ActorRef<ConsensusActor.Command>> ref = AskPattern.ask(system,
                replyTo -> new SpawnProtocol.Spawn<>(ConsensusActor.create(deps), "consensus",
                        DispatcherSelector.fromConfig("keel.consensus-dispatcher"), replyTo),
                STARTUP, system.scheduler());
        return ref.toCompletableFuture().get(STARTUP.toSeconds(), TimeUnit.SECONDS);
    }

    /** Pekko settings: SLF4J logging, and one dedicated thread for the consensus actor (its LMDB writes block). */
    private static Config pekkoConfig() {
        return ConfigFactory.parseString("""
                pekko.loggers = ["org.apache.pekko.event.slf4j.Slf4jLogger"]
                pekko.logging-filter = "org.apache.pekko.event.slf4j.Slf4jLoggingFilter"
                pekko.loglevel = "WARNING"
                pekko.http.server.remote-address-attribute = on
                pekko.coordinated-shutdown.exit-jvm = off
                pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
                keel.consensus-dispatcher {
                  type = Dispatcher
                  executor = "thread-pool-executor"
                  thread-pool-executor.fixed-pool-size = 1
                  throughput = 32
                }
                """).withFallback(ConfigFactory.load());
    }

    /**
     * How long a leader with nothing to propose waits for transactions: a quarter of the round
     * timeout, so an idle chain makes a few blocks per second, not hundreds. The system property
     * {@code keel.idle-wait-ms} overrides it (0 = propose at once, for experiments).
     */
    private static Duration idleWait(Genesis genesis) {
        long ms = Long.getLong("keel.idle-wait-ms", -1);
        return ms >= 0 ? Duration.ofMillis(ms) : genesis.params().baseTimeout().dividedBy(4);
    }

    /** Completes when the node has stopped. */
    public CompletionStage<?> whenTerminated() {
        return system.getWhenTerminated();
    }

    /** Stop accepting (HTTP, peers), let the actor finish its step, then close LMDB. */
    @Override
    public void close() {
        LOG.info("validator stopping");
        try {
            http.close();
        } catch (RuntimeException e) {
            LOG.warn("http close failed error=\"{}\"", e.getMessage());
        }
        transport.close();
        if (checkpoints != null) {
            checkpoints.close();
        }
        chain.close();
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("actor system did not stop in time error=\"{}\"", e.getMessage());
        }
        store.close();
        execLog.close();
        metrics.close();
        LOG.info("validator stopped");
    }

    /** Checkpoints and finality as this validator sees them (disabled when the genesis has none). */
    public dev.keel.node.checkpoint.CheckpointView checkpoints() {
        return checkpoints == null ? dev.keel.node.checkpoint.CheckpointView.disabled() : checkpoints.view();
    }

    public NodeState state() {
        return state;
    }

    public ChainService chain() {
        return chain;
    }
}
