package dev.messaging.outbox;

import dev.messaging.common.Actor;
import dev.messaging.delivery.Consent;
import dev.messaging.kernel.Access;
import dev.messaging.kernel.Engine;
import dev.messaging.kernel.Validator;
import dev.messaging.message.DeliveryChannel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Customers' consent per channel (SMS, email). A customer is subscribed to a channel until
 * unsubscribed: by the service ({@link #set}), or by texting a stop keyword. A send to an
 * unsubscribed channel is never sent: it ends as OptOut when the message is created.
 */
public final class Consents {
    private final Engine engine;

    /** The Consents of {@code engine}'s store; built by {@code Messaging}. */
    @SuppressWarnings("exports") // built by Messaging: users cannot obtain the kernel it takes
    public Consents(Engine engine) {
        this.engine = engine;
    }

    /** The customer's consent of each channel (SMS and email), subscribed where never set. */
    public List<Consent> of(Actor actor, String customerId) {
        Access.requireUserOrSystem(actor, "read consent");
        engine.requireTargetId("customerId", customerId);
        Map<DeliveryChannel, Consent> set = engine.read(actor, tx -> tx.outbox().consentsOf(customerId)).stream()
                .collect(Collectors.toMap(Consent::channel, c -> c));
        List<Consent> all = new ArrayList<>();
        for (DeliveryChannel channel : List.of(DeliveryChannel.SMS, DeliveryChannel.EMAIL)) {
            all.add(set.getOrDefault(channel, new Consent(customerId, channel, true, null, null, null)));
        }
        return all;
    }

    /** Subscribes or unsubscribes the customer from a channel, dated now, with its source and reason. */
    public Consent set(Actor actor, String customerId, DeliveryChannel channel, boolean subscribed, String source,
            String reason) {
        Access.requireUserOrSystem(actor, "set consent");
        Validator v = engine.validator();
        v.requiredId("customerId", customerId);
        v.required("channel", channel);
        if (channel == DeliveryChannel.IN_APP) {
            v.add("channel", "consent is of SMS or email");
        }
        v.shortText("source", source);
        v.shortText("reason", reason);
        v.throwIfAny();
        Instant now = engine.now();
        Consent consent = new Consent(customerId, channel, subscribed, now, source, reason);
        return engine.write(actor, tx -> {
            Outbox.saveConsent(tx, actor, consent);
            return consent;
        });
    }
}
