package dev.keel.node.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the running-network issue lands: says so plainly instead of pretending. */
@Command(name = "testnet", description = "Start a local multi-validator testnet (coming: not built yet).")
public final class TestnetCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("keel testnet: not built yet. The validator network (Pekko node, transport, testnet launcher) "
                + "is the next milestone. Meanwhile, './keel simulate' runs the protocol in the deterministic simulator.");
        return 3;
    }
}
