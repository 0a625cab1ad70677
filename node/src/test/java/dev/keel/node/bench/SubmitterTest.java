package dev.keel.node.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.consensus.types.Bytes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/** What each kind of answer to a batch does to its transactions: retry, reject, or count. */
class SubmitterTest {
    private final Tally tally = new Tally();
    private final Pacer.Open pacer = new Pacer.Open(0, 1000);
    private final Tracker tracker = new Tracker(tally, pacer);
    private final Submitter submitter = new Submitter(HttpClient.newHttpClient(), Runnable::run,
            List.of(URI.create("http://127.0.0.1:1")), tracker, tally);
    private final List<InFlight> batch = List.of(tx(1), tx(2));

    private InFlight tx(int b) {
        InFlight t = new InFlight(PreparedTx.of(Bytes.wrap(new byte[] {(byte) b})), pacer.next(0), 0, true);
        tracker.add(t);
        t.attempts = 1;
        return t;
    }

    @Test
    void allBusyIsCountedPerTransactionAndKeepsThemInFlight() {
        submitter.onReply(batch, response(429, "{\"code\":\"mempool_full\",\"retry_after_ms\":250}", Map.of("Retry-After", "1")), null);
        assertEquals(2, tally.counts().busy());
        assertEquals(2, tracker.size());
    }

    @Test
    void aBadBatchRejectsItsTransactions() {
        submitter.onReply(batch, response(400, "{\"code\":\"bad_request\"}", Map.of()), null);
        assertEquals(Map.of("http_400", 2L), tally.counts().rejected());
        assertEquals(0, tracker.size());
    }

    @Test
    void serverErrorsAndNoAnswerAreRetriedAndCountedByCause() {
        submitter.onReply(batch, response(503, "", Map.of()), null);
        submitter.onReply(batch, null, new IOException("connection refused"));
        assertEquals(Map.of("http_503", 2L, "no_answer", 2L), tally.counts().httpErrors());
        assertEquals(2, tracker.size());
    }

    @Test
    void aReplyWithTheWrongNumberOfResultsIsNotTrusted() {
        submitter.onReply(batch, response(200, "{\"results\":[{\"hash\":\"aa\",\"status\":\"accepted\"}]}", Map.of()), null);
        assertEquals(Map.of("bad_reply", 2L), tally.counts().httpErrors());
        assertEquals(0, tally.counts().accepted());
    }

    @Test
    void perTransactionOutcomesApplyInRequestOrder() {
        submitter.onReply(batch, response(200, "{\"results\":[{\"hash\":\"aa\",\"status\":\"rejected\",\"code\":\"bad_tx\"},"
                + "{\"hash\":\"bb\",\"status\":\"duplicate\"}]}", Map.of()), null);
        assertEquals(Map.of("bad_tx", 1L), tally.counts().rejected());
        assertEquals(1, tally.counts().duplicate());
        assertEquals(1, tracker.size());
        assertEquals(true, tracker.isLive(batch.get(1)), "the duplicate still waits for its commit");
    }

    private static HttpResponse<String> response(int status, String body, Map<String, String> headers) {
        return new HttpResponse<>() {
            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public HttpRequest request() {
                return null;
            }

            @Override
            public Optional<HttpResponse<String>> previousResponse() {
                return Optional.empty();
            }

            @Override
            public HttpHeaders headers() {
                return HttpHeaders.of(headers.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, e -> List.of(e.getValue()))), (k, v) -> true);
            }

            @Override
            public String body() {
                return body;
            }

            @Override
            public Optional<SSLSession> sslSession() {
                return Optional.empty();
            }

            @Override
            public URI uri() {
                return URI.create("http://127.0.0.1:1/v1/txs/batch");
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }
}
