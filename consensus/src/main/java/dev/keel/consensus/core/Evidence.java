package dev.keel.consensus.core;

import dev.keel.consensus.types.Vote;

/**
 * Proof that one validator's key signed two conflicting statements. The core reports it and
 * acts on nothing (there is no slashing here): operators read it at {@code /v1/evidence}, and
 * the chaos harness checks that only a deliberately twinned key ever shows up in it.
 */
public sealed interface Evidence {
    int validator();

    long round();

    /** Two different votes by one author in one round, both with valid signatures. */
    record ConflictingVotes(Vote first, Vote second) implements Evidence {
        public ConflictingVotes {
            if (first.author() != second.author() || first.round() != second.round() || first.equals(second)) {
                throw new IllegalArgumentException("not conflicting: " + first + " / " + second);
            }
        }

        @Override
        public int validator() {
            return first.author();
        }

        @Override
        public long round() {
            return first.round();
        }
    }
}
