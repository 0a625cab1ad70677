package dev.keel.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code keel} command line. Subcommands arrive with their issues; each is one class. */
@Command(name = "keel", mixinStandardHelpOptions = true, version = "keel 0.1.0",
        description = "Keel: a BFT consensus engine (2-chain HotStuff) for app-specific L2 chains.",
        subcommands = {SimulateCommand.class, BenchCommand.class, TestnetCommand.class, RunCommand.class, KeygenCommand.class, GenesisCommand.class, L1Command.class,
                CheckpointCommand.class})
public final class Keel implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Keel());
        cli.setParameterExceptionHandler((ex, a) -> {
            System.err.println("keel: " + ex.getMessage());
            System.err.println("Try 'keel " + String.join(" ", subcommandPath(ex.getCommandLine())) + " --help'.");
            return 2;
        });
        System.exit(cli.execute(args));
    }

    private static java.util.List<String> subcommandPath(CommandLine c) {
        java.util.LinkedList<String> names = new java.util.LinkedList<>();
        for (CommandLine cur = c; cur != null && cur.getParent() != null; cur = cur.getParent()) {
            names.addFirst(cur.getCommandName());
        }
        return names;
    }
}
