package dev.messaging.outbox;

import dev.messaging.change.EntityType;
import dev.messaging.change.Operation;
import dev.messaging.common.Actor;
import dev.messaging.delivery.LocationSettings;
import dev.messaging.kernel.Access;
import dev.messaging.kernel.Changes;
import dev.messaging.kernel.Engine;
import dev.messaging.kernel.Validator;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The location's delivery settings: its time zone and SMS quiet window (see {@link LocationSettings};
 * UTC and 21:00 to 08:00 until set). Users set them; users and the system read them.
 */
public final class DeliverySettings {
    private final Engine engine;

    /** The DeliverySettings of {@code engine}'s store; built by {@code Messaging}. */
    @SuppressWarnings("exports") // built by Messaging: users cannot obtain the kernel it takes
    public DeliverySettings(Engine engine) {
        this.engine = engine;
    }

    /** The location's settings, the defaults until set (users and the system). */
    public LocationSettings get(Actor actor) {
        Access.requireUserOrSystem(actor, "read delivery settings");
        return engine.read(actor, tx -> Outbox.settings(tx));
    }

    /**
     * Replaces the settings from their wire forms: an IANA time zone id ({@code "Europe/Paris"}) and
     * the quiet window's ends as {@code HH:mm}; each one that does not parse is an error naming it.
     */
    public LocationSettings set(Actor actor, String timeZone, String quietStart, String quietEnd) {
        Access.requireUser(actor, "set delivery settings");
        Validator v = engine.validator();
        ZoneId zone = null;
        LocalTime start = null;
        LocalTime end = null;
        try {
            zone = timeZone == null ? null : ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            v.add("timeZone", "is not a time zone id: '" + timeZone + "'");
        }
        try {
            start = quietStart == null ? null : LocalTime.parse(quietStart);
        } catch (DateTimeException e) {
            v.add("quietStart", "is not a time of day (HH:mm): '" + quietStart + "'");
        }
        try {
            end = quietEnd == null ? null : LocalTime.parse(quietEnd);
        } catch (DateTimeException e) {
            v.add("quietEnd", "is not a time of day (HH:mm): '" + quietEnd + "'");
        }
        v.required("timeZone", timeZone);
        v.required("quietStart", quietStart);
        v.required("quietEnd", quietEnd);
        v.throwIfAny();
        return set(actor, new LocationSettings(zone, start, end));
    }

    /** Replaces the settings; a missing zone or window end is an error naming it. */
    public LocationSettings set(Actor actor, LocationSettings settings) {
        Access.requireUser(actor, "set delivery settings");
        Validator v = engine.validator();
        v.required("settings", settings);
        v.throwIfAny();
        v.required("timeZone", settings.timeZone());
        v.required("quietStart", settings.quietStart());
        v.required("quietEnd", settings.quietEnd());
        v.throwIfAny();
        return engine.write(actor, tx -> {
            tx.outbox().saveLocationSettings(settings);
            Changes.record(tx, actor, engine.now(), EntityType.LOCATION_SETTINGS, actor.tenant().locationId(), 0,
                    Operation.UPDATE, null, Changes.payload("timeZone", settings.timeZone().getId(), "quietStart",
                            settings.quietStart().toString(), "quietEnd", settings.quietEnd().toString()));
            return settings;
        });
    }
}
