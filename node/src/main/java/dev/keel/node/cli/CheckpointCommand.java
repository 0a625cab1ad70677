package dev.keel.node.cli;

import dev.keel.node.bench.Targets;
import dev.keel.node.config.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code keel checkpoint}: the checkpoints a running chain signs and anchors to its L1. */
@Command(name = "checkpoint", mixinStandardHelpOptions = true,
        description = "Checkpoints: what the validators signed and anchored to the L1.",
        subcommands = {CheckpointCommand.Status.class})
public final class CheckpointCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * {@code keel checkpoint status}: one validator's view (the first of the target that answers;
     * they share the L1, so one suffices). Exit codes: 0 the node answered (checkpoints disabled
     * included), 1 it answered with an error, 2 bad arguments or no validator reachable.
     */
    @Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Anchored and settled heights, the L1 connection, and the newest checkpoints.",
                    "Exit codes: 0 the node answered, 1 it answered with an error, 2 bad arguments or unreachable."})
    static final class Status implements Callable<Integer> {
        static final int MAX_LIMIT = 100;
        private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
        private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

        @Spec
        CommandSpec spec;

        @Option(names = "--target", paramLabel = "DIR|URL[,URL...]", defaultValue = "testnet",
                description = "A testnet directory (its testnet.json) or validators' base URLs (default ${DEFAULT-VALUE}).")
        String target;

        @Option(names = "--limit", paramLabel = "K", defaultValue = "10",
                description = "Newest checkpoints to list, 1.." + MAX_LIMIT + " (default ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--json", description = "Print the node's JSON answer (GET /v1/checkpoints) as it is.")
        boolean json;

        /** What one node said. */
        record Answer(URI node, int status, String body) {
        }

        @Override
        public Integer call() throws InterruptedException {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new ParameterException(spec.commandLine(), "--limit must be 1.." + MAX_LIMIT + ", got " + limit);
            }
            List<URI> nodes;
            try {
                nodes = Targets.parse(target);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
            StringBuilder failures = new StringBuilder();
            for (URI node : nodes) {
                try {
                    return show(ask(client, node));
                } catch (IOException e) {
                    failures.append(System.lineSeparator()).append("  ").append(node).append(": ").append(reason(e));
                }
            }
            PrintWriter err = spec.commandLine().getErr();
            err.println("keel checkpoint: no validator answered (is the testnet running?)" + failures);
            err.flush();
            return 2;
        }

        private Answer ask(HttpClient client, URI node) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(node.resolve("/v1/checkpoints?limit=" + limit))
                    .timeout(REQUEST_TIMEOUT).GET().build();
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(node, r.statusCode(), r.body());
        }

        private int show(Answer a) {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Map<?, ?> body = parse(a.body());
            Object code = body.get("code");
            boolean disabled = a.status() == 404 && "checkpoints_disabled".equals(code);
            int exit = a.status() == 200 || disabled ? 0 : 1;
            if (json) {
                out.println(a.body().strip());
            } else if (a.status() == 200) {
                out.print(CheckpointReport.text(a.node(), body));
            } else if (disabled) {
                out.println("keel checkpoint: " + a.node() + ": checkpoints are disabled on this chain "
                        + "(its genesis defines none)");
            } else if (a.status() == 404 && "not_found".equals(code)) {
                err.println("keel checkpoint: " + a.node() + " does not serve /v1/checkpoints "
                        + "(a node version without checkpoints?)");
            } else {
                err.println("keel checkpoint: " + a.node() + " answered " + a.status() + ": "
                        + (body.get("message") instanceof String m ? m : a.body().strip()));
            }
            out.flush();
            err.flush();
            return exit;
        }

        /** The body as a JSON object; empty when it is not one (a proxy's HTML error page, say). */
        private static Map<?, ?> parse(String body) {
            try {
                return Json.parse(body) instanceof Map<?, ?> m ? m : Map.of();
            } catch (IllegalArgumentException e) {
                return Map.of();
            }
        }

        private static String reason(IOException e) {
            String m = e.getMessage();
            return e instanceof java.net.ConnectException || m == null || m.isBlank()
                    ? "connection refused or timed out (" + e.getClass().getSimpleName() + ")" : m;
        }
    }
}
