package dev.messaging.verify;

/**
 * One inconsistency found by {@code Messaging.verify}: which record ({@code entity} and {@code id}),
 * which derived value ({@code what}), what a recount from the raw messages gives ({@code expected})
 * and what the store holds or serves ({@code actual}).
 */
public record Mismatch(String entity, String id, String what, String expected, String actual) {

    @Override
    public String toString() {
        return entity + " " + id + ": " + what + " expected " + expected + " but was " + actual;
    }
}
