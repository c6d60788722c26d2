package dev.messaging.message;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A message's sends keyed by channel: for each channel the author asked about, its {@link Send}
 * (whether asked for, the status reached, the error and history). A channel not asked about has
 * {@link Send#NONE}, and no entry. Immutable; {@link #with} makes a changed copy.
 */
public record Sends(Map<DeliveryChannel, Send> byChannel) {
    /** No sends: what a customer's message has. */
    public static final Sends NONE = new Sends(Map.of());

    /**
     * What a user's message that asks for no send has (email and SMS not requested). Shared: most
     * messages have it, and a map per message showed in the in-memory store's heap.
     */
    public static final Sends UNREQUESTED = new Sends(Map.of(
            DeliveryChannel.EMAIL, Send.requested(false), DeliveryChannel.SMS, Send.requested(false)));

    /** The sends of {@code byChannel} in the enum's order; entries holding {@link Send#NONE} (or null) are left out. */
    public Sends {
        EnumMap<DeliveryChannel, Send> copy = new EnumMap<>(DeliveryChannel.class);
        if (byChannel != null) {
            byChannel.forEach((channel, send) -> {
                if (channel != null && send != null && !send.equals(Send.NONE)) {
                    copy.put(channel, send);
                }
            });
        }
        byChannel = Collections.unmodifiableMap(copy);
    }

    /** The sends of {@code byChannel}, sharing {@link #NONE} and {@link #UNREQUESTED} when equal to them. */
    public static Sends of(Map<DeliveryChannel, Send> byChannel) {
        Sends sends = new Sends(byChannel);
        return sends.equals(UNREQUESTED) ? UNREQUESTED : sends.byChannel.isEmpty() ? NONE : sends;
    }

    /** The send on {@code channel}: {@link Send#NONE} when the author did not ask about it. */
    public Send of(DeliveryChannel channel) {
        return byChannel.getOrDefault(channel, Send.NONE);
    }

    /** These sends with {@code send} on {@code channel} ({@link Send#NONE} removes it). */
    public Sends with(DeliveryChannel channel, Send send) {
        EnumMap<DeliveryChannel, Send> copy = new EnumMap<>(DeliveryChannel.class);
        copy.putAll(byChannel);
        copy.put(channel, send);
        return of(copy);
    }

    /** The channels asked for (requested true), in the enum's order. */
    public List<DeliveryChannel> requested() {
        return byChannel.entrySet().stream().filter(e -> e.getValue().isRequested()).map(Map.Entry::getKey).toList();
    }

    /** Each send as it was asked for, before any status: what a repeated create must match. */
    public Sends asRequested() {
        EnumMap<DeliveryChannel, Send> copy = new EnumMap<>(DeliveryChannel.class);
        byChannel.forEach((channel, send) -> copy.put(channel, send.requested() == null ? Send.NONE
                : Send.requested(send.isRequested())));
        return of(copy);
    }
}
