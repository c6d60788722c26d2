package dev.messaging;

import dev.messaging.change.EntityType;
import dev.messaging.change.Operation;
import dev.messaging.common.Actor;
import dev.messaging.error.ForbiddenException;
import dev.messaging.kernel.Access;
import dev.messaging.kernel.Changes;
import dev.messaging.kernel.Engine;
import dev.messaging.kernel.Validator;
import dev.messaging.notification.NotificationConfig;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * Each user's notification settings. {@link #get} returns the defaults (all true) for a user who
 * never set any; users and the system (which sends the notifications) may read them. {@link #set}
 * replaces them, and only the user may set their own.
 */
public final class NotificationConfigs {
    private final Engine engine;

    NotificationConfigs(Engine engine) {
        this.engine = engine;
    }

    /** The user's settings, all channels on for a user never set. */
    public NotificationConfig get(Actor actor, String userId) {
        Access.requireUserOrSystem(actor, "read notification settings");
        Validator v = engine.validator();
        v.requiredId("userId", userId);
        v.throwIfAny();
        return engine.read(actor, tx -> tx.findNotificationConfig(userId)
                .orElseGet(() -> NotificationConfig.defaults(userId)));
    }

    /** Replaces the user's settings; returns them as stored. */
    public NotificationConfig set(Actor actor, NotificationConfig config) {
        Access.requireUser(actor, "set notification settings");
        Validator v = engine.validator();
        v.required("config", config);
        v.throwIfAny();
        v.requiredId("userId", config.userId());
        v.throwIfAny();
        if (!config.userId().equals(actor.userId())) {
            throw new ForbiddenException("a user may set only their own notification settings");
        }
        Instant now = engine.now();
        return engine.write(actor, tx -> {
            tx.saveNotificationConfig(config);
            Changes.record(tx, actor, now, EntityType.NOTIFICATION_CONFIG, config.userId(), 0, Operation.UPDATE, null,
                    Changes.payload("sendEmail", String.valueOf(config.sendEmail()), "sendInApp",
                            String.valueOf(config.sendInApp()), "sendSms", String.valueOf(config.sendSms()),
                            "channels", flagsOnly(config) ? null
                                    : config.channels().stream().map(Enum::name).collect(Collectors.joining(","))));
            return config;
        });
    }

    /** Whether {@code config} names no channel besides the reference's three flags (its change says the flags only). */
    private static boolean flagsOnly(NotificationConfig config) {
        return NotificationConfig.DEFAULT_CHANNELS.containsAll(config.channels());
    }
}
