package dev.messaging.verify;

import java.util.List;

/** What {@code Messaging.verify} found for one tenant: every mismatch, and how much it looked at. */
public record ConsistencyReport(List<Mismatch> mismatches, int conversations, int messages, int threads,
        long changes) {

    public ConsistencyReport {
        mismatches = List.copyOf(mismatches);
    }

    /** Whether every derived value matched its rows. */
    public boolean ok() {
        return mismatches.isEmpty();
    }

    @Override
    public String toString() {
        return (ok() ? "consistent" : mismatches.size() + " mismatches") + " (" + conversations + " conversations, "
                + messages + " messages, " + threads + " threads, " + changes + " changes)"
                + (ok() ? "" : ":\n  " + String.join("\n  ", mismatches.stream().map(Mismatch::toString).toList()));
    }
}
