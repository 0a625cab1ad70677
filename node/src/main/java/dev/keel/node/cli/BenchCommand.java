package dev.keel.node.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keel bench}: benchmarks. Today: {@code keel bench storage} (LMDB append rate,
 * restart time, bytes per block). The load generator against a testnet comes with the
 * transactions issue.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (medians, with live progress).",
        subcommands = {BenchCommand.Storage.class})
public final class BenchCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "storage", mixinStandardHelpOptions = true,
            description = "LMDB storage: committed-block append rate (1 KiB and 1 MiB), restart time, bytes on disk per block.")
    static final class Storage implements Callable<Integer> {
        @Option(names = "--runs", defaultValue = "5", description = "Measured runs after one warm-up (default ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--small-blocks", defaultValue = "1000", description = "1 KiB blocks per run (default ${DEFAULT-VALUE}).")
        int small;

        @Option(names = "--large-blocks", defaultValue = "60", description = "1 MiB blocks per run (default ${DEFAULT-VALUE}).")
        int large;

        @Option(names = "--restart-blocks", defaultValue = "100000", description = "Chain length for the restart measurement (default ${DEFAULT-VALUE}).")
        int restartBlocks;

        @Option(names = "--dir", description = "Where to write (default: a temporary directory).")
        String dir;

        @Override
        public Integer call() throws Exception {
            if (runs < 1 || small < 1 || large < 1 || restartBlocks < 1) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "counts must be at least 1");
            }
            List<String> args = new ArrayList<>(List.of("--runs", "" + runs, "--small-blocks", "" + small,
                    "--large-blocks", "" + large, "--restart-blocks", "" + restartBlocks));
            if (dir != null) {
                args.addAll(List.of("--dir", dir));
            }
            dev.keel.storage.bench.StorageBench.main(args.toArray(String[]::new));
            return 0;
        }
    }
}
