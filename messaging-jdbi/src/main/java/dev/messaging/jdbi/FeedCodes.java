package dev.messaging.jdbi;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.messaging.change.EntityType;
import dev.messaging.change.Operation;
import dev.messaging.common.ActorKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a change-feed row spells its closed sets and its payload: one letter per entity type,
 * operation and actor kind, and the payload as a JSON array of keys and values in which the usual
 * keys are numbers ({@code [1,"0f3a…",0,"Customer"]}). The feed holds a row per write, so its
 * spelling is most of its size. Stored data depends on these codes: they only ever grow.
 */
final class FeedCodes {
    static final String CONVERSATION_ID = "conversationId";
    /** Payload keys written as their index here. Append only: the index is what rows hold. */
    private static final List<String> KEYS = List.of("authorType", "conversationId", "text", "imported", "status",
            "channel", "customerId", "source", "subscribed", "sendEmail", "sendInApp", "sendSms", "name", "active",
            "timeZone", "messagesErased", "to", "cc", "attachments", "quietStart", "archived");
    private static final Map<String, Integer> CODES = new HashMap<>();
    private static final TypeReference<List<Object>> ARRAY = new TypeReference<>() { };

    static {
        for (int i = 0; i < KEYS.size(); i++) {
            CODES.put(KEYS.get(i), i);
        }
    }

    private FeedCodes() {
    }

    static final Letters<EntityType> ENTITY_TYPES = new Letters<>("entity type", EntityType.class, Map.of(
            EntityType.CONVERSATION, "c", EntityType.MESSAGE, "m", EntityType.THREAD, "t",
            EntityType.NOTIFICATION_CONFIG, "n", EntityType.CUSTOMER, "u", EntityType.OUTLET, "o",
            EntityType.CONSENT, "s", EntityType.LOCATION_SETTINGS, "l", EntityType.CONSENT_CATEGORY, "k"));
    static final Letters<Operation> OPERATIONS = new Letters<>("operation", Operation.class, Map.of(
            Operation.CREATE, "c", Operation.UPDATE, "u", Operation.DELETE, "d", Operation.RESTORE, "r",
            Operation.READ, "R", Operation.UNREAD, "U", Operation.READ_ALL, "A", Operation.DELIVERY, "D",
            Operation.ERASE, "E"));
    static final Letters<ActorKind> ACTOR_KINDS = new Letters<>("actor kind", ActorKind.class, Map.of(
            ActorKind.USER, "u", ActorKind.CUSTOMER, "c", ActorKind.SYSTEM, "s"));

    /**
     * The payload's row value, null when empty; without its {@value #CONVERSATION_ID} when the row
     * names the conversation in its own column.
     */
    static String payload(Map<String, String> payload, boolean conversationInColumn) {
        List<Object> items = new ArrayList<>(payload.size() * 2);
        payload.forEach((key, value) -> {
            if (!(conversationInColumn && key.equals(CONVERSATION_ID))) {
                Integer code = CODES.get(key);
                items.add(code == null ? key : code);
                items.add(value);
            }
        });
        return items.isEmpty() ? null : Json.write(items);
    }

    /** The payload a row holds (empty for null), with the conversation id its column named, if any. */
    static Map<String, String> payload(String row, String conversationId) {
        if (row == null && conversationId == null) {
            return Map.of();
        }
        List<Object> items = row == null ? List.of() : Json.read(row, ARRAY);
        Map<String, String> payload = new HashMap<>(items.size());
        for (int i = 0; i + 1 < items.size(); i += 2) {
            Object key = items.get(i);
            payload.put(key instanceof Number code ? KEYS.get(code.intValue()) : (String) key, (String) items.get(i + 1));
        }
        if (conversationId != null) {
            payload.put(CONVERSATION_ID, conversationId);
        }
        return payload;
    }

    /** A payload as version 8 and before wrote it (a JSON object), as this class writes it. */
    static String rewritePayload(String object, boolean conversationInColumn) {
        return object == null ? null : payload(Json.strings(object), conversationInColumn);
    }
}
