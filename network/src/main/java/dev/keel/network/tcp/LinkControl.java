package dev.keel.network.tcp;

import org.apache.pekko.stream.stage.AsyncCallback;

/** Closes one connection from outside its stream, from any thread. Closing twice, or after it closed, is a no-op. */
final class LinkControl {
    private final AsyncCallback<Boolean> close;

    LinkControl(AsyncCallback<Boolean> close) {
        this.close = close;
    }

    void close() {
        close.invoke(Boolean.TRUE);
    }
}
