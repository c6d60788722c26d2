package dev.messaging.delivery;

import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A location's delivery settings: its {@code timeZone}, and its SMS quiet window in local time
 * ({@code quietStart} to {@code quietEnd}, which may cross midnight). An SMS of a message that asks
 * to avoid quiet hours is not due inside the window: it becomes due at its end, daylight-saving
 * changes included. Email is never held. Default: UTC, 21:00 to 08:00.
 */
public record LocationSettings(ZoneId timeZone, LocalTime quietStart, LocalTime quietEnd) {

    /** UTC, with the SMS quiet window from 21:00 to 08:00: a location's settings until set. */
    public static LocationSettings defaults() {
        return new LocationSettings(ZoneId.of("UTC"), LocalTime.of(21, 0), LocalTime.of(8, 0));
    }
}
