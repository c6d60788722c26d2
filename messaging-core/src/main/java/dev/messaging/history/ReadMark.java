package dev.messaging.history;

import java.time.Instant;

/**
 * How far a staff user had read an imported conversation: every customer message created at or
 * before {@code readUpTo} is read for {@code userId} (and read by the shop).
 */
public record ReadMark(String userId, Instant readUpTo) {
}
