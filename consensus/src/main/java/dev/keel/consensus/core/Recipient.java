package dev.keel.consensus.core;

/** Where an outbound message goes. */
public sealed interface Recipient {
    record To(int validator) implements Recipient {
    }

    /** Every validator but the sender. */
    record All() implements Recipient {
    }
}
