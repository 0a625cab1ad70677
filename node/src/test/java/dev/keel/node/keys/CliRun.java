package dev.keel.node.keys;

import dev.keel.node.cli.Keel;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the keel CLI in-process, with the same bad-parameter handling as {@link Keel#main}. */
public record CliRun(int exitCode, String out, String err) {
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Keel());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((ex, a) -> {
            err.write("keel: " + ex.getMessage() + "\n");
            return 2;
        });
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
