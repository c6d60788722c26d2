package dev.messaging.conversation;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A partial update of a conversation: only the fields set here change; setting a nullable field
 * to null clears it. {@link #expectedVersion} makes the update conditional on the version the
 * caller read (a stale one is a conflict).
 */
public final class ConversationUpdate {

    /** The fields an update can set. */
    public enum Field {
        CONTACT, ASSIGNED_TO, CHANNEL, STATUS, SNOOZED_UNTIL, SUBJECT, ORDER_ID, ARCHIVED, METADATA, FOLLOWERS
    }

    private final Map<Field, Optional<Object>> values;
    private final Long expectedVersion;

    private ConversationUpdate(Map<Field, Optional<Object>> values, Long expectedVersion) {
        this.values = values;
        this.expectedVersion = expectedVersion;
    }

    /** An update that changes nothing yet. */
    public static ConversationUpdate empty() {
        return new ConversationUpdate(new EnumMap<>(Field.class), null);
    }

    private ConversationUpdate with(Field field, Object value) {
        Map<Field, Optional<Object>> copy = new EnumMap<>(Field.class);
        copy.putAll(values);
        copy.put(field, Optional.ofNullable(value));
        return new ConversationUpdate(copy, expectedVersion);
    }

    /** Replaces the users following the conversation (null or empty: nobody). */
    public ConversationUpdate followers(Set<String> userIds) {
        return with(Field.FOLLOWERS, userIds == null ? Set.of() : Set.copyOf(userIds));
    }

    /** Replaces the service's JSON object (null or empty clears it). */
    public ConversationUpdate metadata(Map<String, Object> value) {
        return with(Field.METADATA, value);
    }

    /** Sets the contact snapshot (null clears it). */
    public ConversationUpdate contact(Contact value) {
        return with(Field.CONTACT, value);
    }

    /** Assigns the conversation to a user, or unassigns it (null). */
    public ConversationUpdate assignedTo(String userIdOrNull) {
        return with(Field.ASSIGNED_TO, userIdOrNull);
    }

    /** Sets the conversation's primary channel. */
    public ConversationUpdate channel(ConversationChannel value) {
        return with(Field.CHANNEL, value);
    }

    /** Sets the status (open, closed, snoozed). */
    public ConversationUpdate status(ConversationStatus value) {
        return with(Field.STATUS, value);
    }

    /** Snoozes until {@code until} (sets status snoozed). */
    public ConversationUpdate snoozeUntil(Instant until) {
        return with(Field.STATUS, ConversationStatus.SNOOZED).with(Field.SNOOZED_UNTIL, until);
    }

    /** Sets the subject. */
    public ConversationUpdate subject(String value) {
        return with(Field.SUBJECT, value);
    }

    /** Sets the order the conversation is about. */
    public ConversationUpdate orderId(String value) {
        return with(Field.ORDER_ID, value);
    }

    /** The shop-wide archive flag. */
    public ConversationUpdate archived(boolean value) {
        return with(Field.ARCHIVED, value);
    }

    /** Apply only if the conversation is still at {@code version}. */
    public ConversationUpdate expectedVersion(long version) {
        return new ConversationUpdate(values, version);
    }

    /** The version the update applies to, if it names one. */
    public Optional<Long> expectedVersion() {
        return Optional.ofNullable(expectedVersion);
    }

    /** The fields set, each with its new value (empty for "clear"). */
    public Map<Field, Optional<Object>> values() {
        return Collections.unmodifiableMap(values);
    }

    /** Whether the update sets (or clears) {@code field}. */
    public boolean sets(Field field) {
        return values.containsKey(field);
    }

    /** The new value of {@code field}, null when cleared or not set. */
    public <T> T value(Field field, Class<T> type) {
        Optional<Object> value = values.get(field);
        return value == null ? null : value.map(type::cast).orElse(null);
    }
}
