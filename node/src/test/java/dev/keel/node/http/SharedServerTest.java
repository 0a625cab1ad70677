package dev.keel.node.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A test class whose tests share one {@link TestServer} (real socket, fake chain, fake
 * checkpoint view), started before the first test and closed after the last.
 */
abstract class SharedServerTest {
    static TestServer api;

    @BeforeAll
    static void startServer() throws Exception {
        api = new TestServer();
    }

    @AfterAll
    static void stopServer() throws Exception {
        api.close();
    }
}
