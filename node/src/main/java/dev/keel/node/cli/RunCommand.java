package dev.keel.node.cli;

import dev.keel.node.config.ConfigException;
import dev.keel.node.genesis.NodeSetup;
import dev.keel.node.runtime.ValidatorNode;
import dev.keel.storage.StorageException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keel run --config node.conf}: one validator, until SIGTERM/Ctrl-C. Exit codes:
 * 2 bad config (nothing started), 3 the data directory was refused, 1 other start failure.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run one validator from a HOCON config file.")
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, description = "The node's HOCON config (see README).")
    Path config;

    @Override
    public Integer call() throws Exception {
        // A validator logs rounds, commits and checkpoints at INFO (DESIGN: logs); other commands stay quiet.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.keel")).setLevel(ch.qos.logback.classic.Level.INFO);
        NodeSetup setup;
        try {
            setup = NodeSetup.load(config);
        } catch (ConfigException e) {
            System.err.println("keel run: bad config " + config + ":\n" + e.getMessage());
            return 2;
        }
        ValidatorNode node;
        try {
            node = ValidatorNode.start(setup);
        } catch (StorageException e) {
            System.err.println("keel run: " + e.getMessage());
            return 3;
        }
        Thread hook = new Thread(node::close, "keel-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        node.whenTerminated().toCompletableFuture().join();
        return 0;
    }
}
