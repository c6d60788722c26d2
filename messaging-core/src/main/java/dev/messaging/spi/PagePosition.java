package dev.messaging.spi;

import java.time.Instant;

/** A keyset position in a list ordered by a date and then by id. */
public record PagePosition(Instant date, String id) {
}
