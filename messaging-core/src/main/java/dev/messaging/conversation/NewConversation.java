package dev.messaging.conversation;

import dev.messaging.common.WireValue;
import dev.messaging.error.FieldError;
import dev.messaging.error.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * A request to create a conversation with a customer. Only {@code customerId} is required. Build it
 * with {@link #forCustomer} and the {@code with*} methods; enum fields also take their wire strings
 * ({@link #withChannel(String)}), an unknown one reported with the request's other problems.
 */
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
        List<FieldError> problems) {
    public NewConversation {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** A builder holding this newConversation's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.customerId = customerId;
        b.contact = contact;
        b.assignedTo = assignedTo;
        b.channel = channel;
        b.subject = subject;
        b.orderId = orderId;
        b.outletCode = outletCode;
        b.conversationType = conversationType;
        b.orderCode = orderCode;
        b.problems = problems;
        return b;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static NewConversation forCustomer(String customerId) {
        return builder().customerId(customerId).build();
    }

    public NewConversation withContact(Contact value) {
        return toBuilder().contact(value).build();
    }

    public NewConversation withAssignedTo(String value) {
        return toBuilder().assignedTo(value).build();
    }

    public NewConversation withChannel(ConversationChannel value) {
        return toBuilder().channel(value).build();
    }

    /** The channel from its wire name ({@code "TYPE_PHONE"}); an unknown one is a problem of the request. */
    public NewConversation withChannel(String wire) {
        return wire(ConversationChannel.class, "type", wire, (b, value) -> b.channel(value));
    }

    public NewConversation withSubject(String value) {
        return toBuilder().subject(value).build();
    }

    public NewConversation withOrderId(String value) {
        return toBuilder().orderId(value).build();
    }

    /** The outlet (hotel API {@code outletCode}); without one a new conversation gets the first active outlet, if any. */
    public NewConversation withOutletCode(String value) {
        return toBuilder().outletCode(value).build();
    }

    public NewConversation withConversationType(ConversationType value) {
        return toBuilder().conversationType(value).build();
    }

    /** The type from its wire value ({@code "guest"}; empty is the ordinary conversation). */
    public NewConversation withConversationType(String wire) {
        return wire == null || wire.isEmpty() ? withConversationType((ConversationType) null)
                : wire(ConversationType.class, "conversationType", wire, (b, value) -> b.conversationType(value));
    }

    /** The order the conversation is about (hotel API {@code orderCode}). */
    public NewConversation withOrderCode(String value) {
        return toBuilder().orderCode(value).build();
    }

    private <E extends Enum<E> & WireValue> NewConversation wire(Class<E> type, String field, String wire,
            java.util.function.BiConsumer<Builder, E> set) {
        Builder b = toBuilder();
        if (wire != null) {
            try {
                set.accept(b, WireValue.parse(type, field, wire));
            } catch (ValidationException e) {
                List<FieldError> all = new ArrayList<>(problems);
                all.addAll(e.errors());
                b.problems(all);
            }
        }
        return b.build();
    }


    /** Builds a {@link NewConversation}. */
    public static final class Builder {
        private String customerId;
        private Contact contact;
        private String assignedTo;
        private ConversationChannel channel;
        private String subject;
        private String orderId;
        private String outletCode;
        private ConversationType conversationType;
        private String orderCode;
        private List<FieldError> problems;

        private Builder() {
        }

        public Builder customerId(String value) {
            this.customerId = value;
            return this;
        }

        public Builder contact(Contact value) {
            this.contact = value;
            return this;
        }

        public Builder assignedTo(String value) {
            this.assignedTo = value;
            return this;
        }

        public Builder channel(ConversationChannel value) {
            this.channel = value;
            return this;
        }

        public Builder subject(String value) {
            this.subject = value;
            return this;
        }

        public Builder orderId(String value) {
            this.orderId = value;
            return this;
        }

        public Builder outletCode(String value) {
            this.outletCode = value;
            return this;
        }

        public Builder conversationType(ConversationType value) {
            this.conversationType = value;
            return this;
        }

        public Builder orderCode(String value) {
            this.orderCode = value;
            return this;
        }

        Builder problems(List<FieldError> value) {
            this.problems = value;
            return this;
        }

        public NewConversation build() {
            return new NewConversation(customerId, contact, assignedTo, channel, subject, orderId, outletCode, conversationType, orderCode, problems);
        }
    }
}

