package dev.keel.consensus.core;

import dev.keel.consensus.message.Message;

public record Outbound(Recipient to, Message message) {
}
