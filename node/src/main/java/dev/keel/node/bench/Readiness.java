package dev.keel.node.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Waits until every validator answers {@code GET /ready} with 200 (connected to a quorum), or gives up. */
public final class Readiness {
    private Readiness() {
    }

    /** @throws IllegalStateException naming the validators still not ready after {@code limit} */
    public static void await(List<URI> nodes, Duration limit, PrintStream progress) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        List<URI> waiting = nodes;
        int shown = -1;
        while (System.nanoTime() < deadline) {
            waiting = waiting.stream().filter(n -> !ready(client, n)).toList();
            if (waiting.isEmpty()) {
                return;
            }
            if (waiting.size() != shown) { // one line per change, not one per second
                progress.println("waiting for " + waiting.size() + "/" + nodes.size() + " validators to be ready...");
                shown = waiting.size();
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("validators not ready after " + limit.toSeconds() + " s: " + waiting);
    }

    private static boolean ready(HttpClient client, URI node) {
        try {
            HttpRequest req = HttpRequest.newBuilder(node.resolve("/ready")).timeout(Duration.ofSeconds(1)).GET().build();
            return client.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) { // not listening yet
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
