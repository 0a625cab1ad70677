package dev.keel.checkpoint.sim;

import dev.keel.checkpoint.EthKey;
import dev.keel.checkpoint.l1.ContractConformanceSuite;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract conformance table against the simulator: the same cases the real contract passes on Hardhat. */
class SimulatorContractTest extends ContractConformanceSuite {
    private static L1Simulator sim;

    @BeforeAll
    static void startSimulator() {
        try {
            sim = L1Simulator.start(SimL1Config.automine());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    @Override
    protected String rpcUrl() {
        return sim.url();
    }

    /** Any key: the simulator does not enforce balances. */
    @Override
    protected EthKey funder() {
        return SimTestKit.key("funder", 0);
    }
}
