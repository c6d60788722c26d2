package dev.messaging.conversation;

import dev.messaging.common.WireValue;
import dev.messaging.error.FieldError;
import dev.messaging.error.ValidationException;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A request to create a conversation with a customer. Only {@code customerId} is required. Build it
 * with {@link #forCustomer} and the {@code with*} methods ({@code withContact}, {@code withSubject},
 * ...); enum fields also take their wire strings ({@link #withChannel(String)}), an unknown one
 * reported with the request's other problems when the conversation is created.
 *
 * @param outletCode the outlet (hotel API {@code outletCode}); without one a new conversation gets
 *                   the first active outlet, if any
 * @param orderCode  the order the conversation is about (hotel API {@code orderCode})
 * @param metadata   the service's own JSON object (Shopmonkey {@code metadata}), kept as given
 * @param problems   wire values that did not parse, reported when the request is used
 */
@RecordBuilder
public record NewConversation(
        String customerId,
        Contact contact,
        String assignedTo,
        ConversationChannel channel,
        String subject,
        String orderId,
        String outletCode,
        ConversationType conversationType,
        String orderCode,
        Map<String, Object> metadata,
        List<FieldError> problems) implements NewConversationBuilder.With {

    public NewConversation {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** A new conversation of {@code customerId}, every other field unset. */
    public static NewConversation forCustomer(String customerId) {
        return NewConversationBuilder.builder().customerId(customerId).build();
    }

    /** The channel from its wire name ({@code "TYPE_PHONE"}); an unknown one is a problem of the request. */
    public NewConversation withChannel(String wire) {
        return wire(ConversationChannel.class, "type", wire, this::withChannel);
    }

    /** The type from its wire value ({@code "guest"}; empty is the ordinary conversation). */
    public NewConversation withConversationType(String wire) {
        return wire == null || wire.isEmpty() ? withConversationType((ConversationType) null)
                : wire(ConversationType.class, "conversationType", wire, this::withConversationType);
    }

    private <E extends Enum<E> & WireValue> NewConversation wire(Class<E> type, String field, String wire,
            Function<E, NewConversation> set) {
        try {
            return set.apply(wire == null ? null : WireValue.parse(type, field, wire));
        } catch (ValidationException e) {
            List<FieldError> all = new ArrayList<>(problems);
            all.addAll(e.errors());
            return withProblems(all);
        }
    }
}
