package dev.keel.network.tcp;

import dev.keel.consensus.message.Message;
import dev.keel.network.Inbound;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** An {@link Inbound} that remembers everything, for assertions. */
final class Recorder implements Inbound {
    record Received(int from, Message message) {
    }

    record Rejected(int from, String reason) {
    }

    final ConcurrentLinkedQueue<Received> messages = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Rejected> rejections = new ConcurrentLinkedQueue<>();

    @Override
    public void onMessage(int fromValidator, Message message) {
        messages.add(new Received(fromValidator, message));
    }

    @Override
    public void onRejected(int fromValidator, String reason) {
        rejections.add(new Rejected(fromValidator, reason));
    }

    boolean received(int from, Message m) {
        return messages.contains(new Received(from, m));
    }

    List<Message> from(int validator) {
        return messages.stream().filter(r -> r.from() == validator).map(Received::message).toList();
    }
}
