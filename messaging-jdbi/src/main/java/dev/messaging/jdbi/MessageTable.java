package dev.messaging.jdbi;

import static dev.messaging.jdbi.Cells.millis;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import dev.messaging.common.ChangeMeta;
import dev.messaging.common.Deletion;
import dev.messaging.common.Tenant;
import dev.messaging.message.AppointmentRef;
import dev.messaging.message.AuthorType;
import dev.messaging.message.Call;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.Direction;
import dev.messaging.message.EmailOptions;
import dev.messaging.message.Message;
import dev.messaging.message.MessageBuilder;
import dev.messaging.message.MessageChannel;
import dev.messaging.message.MessageFile;
import dev.messaging.message.MessageLinks;
import dev.messaging.message.MessageOrigin;
import dev.messaging.message.MessageType;
import dev.messaging.message.OrderRef;
import dev.messaging.message.Send;
import dev.messaging.message.Sends;
import dev.messaging.message.SmsOptions;
import dev.messaging.message.SuggestedReply;
import dev.messaging.message.Translation;
import dev.messaging.spi.MessageRow;
import java.lang.reflect.Field;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code message} table: the columns the store queries or every read needs, and the rest of
 * the message as one JSON document ({@code details}, a {@link Details}). The tenant key and the
 * conversation's row key are bound by the statements; a message's conversation id and customer id
 * are its conversation's, read with it.
 */
final class MessageTable {
    /** A message's author type as its row spells it (schema version 8). */
    static final Letters<AuthorType> AUTHOR_TYPES = new Letters<>("author type", AuthorType.class, Map.of(
            AuthorType.CUSTOMER, "c", AuthorType.USER, "u", AuthorType.SYSTEM, "s"));

    static final List<Column<MessageRow>> COLUMNS = List.of(
            col("id", String.class, r -> r.message().id()),
            col("created_date", Long.class, r -> millis(r.message().createdDate())),
            col("updated_date", Long.class, r -> millis(r.message().updatedDate())),
            col("meta_user_id", String.class, r -> r.message().meta().userId()),
            col("meta_session_id", String.class, r -> r.message().meta().sessionId()),
            col("version", Long.class, r -> r.message().meta().version()),
            col("deleted", Boolean.class, r -> r.message().deleted()),
            col("deleted_user_id", String.class, r -> r.message().deletedUserId()),
            col("deleted_date", Long.class, r -> millis(r.message().deletedDate())),
            col("deleted_reason", String.class, r -> r.message().deletedReason()),
            col("author_type", String.class, r -> AUTHOR_TYPES.letter(r.message().authorType())),
            col("user_id", String.class, r -> r.message().userId()),
            col("text", String.class, r -> r.message().text()),
            col("client_message_id", String.class, r -> r.message().clientMessageId()),
            col("customer_number", Integer.class, MessageRow::customerNumber),
            col("feed_seq", Long.class, MessageRow::feedSeq),
            new Column<>("details", String.class, r -> Details.write(r.message()), r -> Details.of(r.message())));

    static final String SELECT = Column.select(COLUMNS, "m");

    private MessageTable() {
    }

    private static Column<MessageRow> col(String name, Class<?> type, Function<MessageRow, Object> value) {
        return new Column<>(name, type, value);
    }

    /**
     * The message fields kept in the {@code details} JSON: those no query filters or sorts on, each
     * under a two-letter name. A group equal to its empty value and a false flag are left out (null),
     * and what a plain message of its author type has is left out too ({@link #BASES}), so a plain
     * message's details are a few bytes.
     */
    record Details(
            @JsonProperty("ty") MessageType type,
            @JsonProperty("or") MessageOrigin origin,
            @JsonProperty("ch") MessageChannel channel,
            @JsonProperty("di") Direction direction,
            @JsonProperty("uc") String userColor,
            @JsonProperty("in") Boolean internal,
            @JsonProperty("dt") Boolean detached,
            @JsonProperty("im") Boolean imported,
            @JsonProperty("sa") Instant sendAt,
            @JsonProperty("em") Send email,
            @JsonProperty("sm") Send sms,
            @JsonProperty("se") Map<DeliveryChannel, Send> otherSends,
            @JsonProperty("eo") EmailOptions emailOptions,
            @JsonProperty("so") SmsOptions smsOptions,
            @JsonProperty("od") OrderRef order,
            @JsonProperty("ap") AppointmentRef appointment,
            @JsonProperty("li") MessageLinks links,
            @JsonProperty("sr") SuggestedReply suggestedReply,
            @JsonProperty("tr") Translation translation,
            @JsonProperty("ca") Call call,
            @JsonProperty("cg") String consentCategoryId,
            @JsonProperty("mn") List<String> mentions,
            @JsonProperty("fi") List<MessageFile> files,
            @JsonProperty("md") Map<String, Object> metadata) {

        /**
         * What a plain message of each author type has in its details; rows hold their difference
         * from it ({@link Json#writeOver}). Stored data depends on these: a change is a migration
         * (as version 9 wrote them first).
         */
        static final Map<AuthorType, ObjectNode> BASES = Map.of(
                AuthorType.CUSTOMER, Json.objectNode("""
                        {"ty":"Transactional","or":"Web","di":"inbound"}"""),
                AuthorType.USER, Json.objectNode("""
                        {"ty":"Transactional","or":"Web","di":"outbound","in":false,
                         "em":{"requested":false,"history":[]},"sm":{"requested":false,"history":[]}}"""),
                AuthorType.SYSTEM, Json.objectNode("""
                        {"ty":"Transactional","or":"Web","di":"outbound","in":false,
                         "em":{"requested":false,"history":[]},"sm":{"requested":false,"history":[]}}"""));

        /** Each field's stored name by its own name (for rows written before the short names). */
        private static final Map<String, String> SHORT_NAMES = Arrays.stream(Details.class.getDeclaredFields())
                .filter(field -> field.isAnnotationPresent(JsonProperty.class))
                .collect(Collectors.toUnmodifiableMap(Field::getName,
                        field -> field.getAnnotation(JsonProperty.class).value()));

        /**
         * Details written before, by author type: most messages repeat a few (a plain SMS from a
         * customer, ...), and their JSON costs more than the rest of the row's values. Only details
         * without metadata, whose values are all immutable; the most used {@value #WRITTEN_MAX} kept.
         */
        private static final int WRITTEN_MAX = 256;
        private static final Map<AuthorType, Cache<Details, String>> WRITTEN = Arrays.stream(AuthorType.values())
                .collect(Collectors.toUnmodifiableMap(type -> type, type -> RowCache.bounded(WRITTEN_MAX)));

        static String write(Message m) {
            Details details = of(m);
            ObjectNode base = BASES.get(m.authorType());
            if (details.metadata() != null) {
                return Json.writeOver(details, base);
            }
            return WRITTEN.get(m.authorType()).get(details, plain -> Json.writeOver(plain, base));
        }

        /** Details as version 8 and before wrote them (full names, every field), as {@link #write} does. */
        static String rewrite(String old, AuthorType authorType) {
            ObjectNode full = Json.objectNode(old == null ? "{}" : old);
            ObjectNode named = full.objectNode();
            full.properties().forEach(field -> named.set(shortName(field.getKey()), field.getValue()));
            return Json.rewriteOver(named, BASES.get(authorType));
        }

        private static String shortName(String component) {
            String name = SHORT_NAMES.get(component);
            if (name == null) {
                throw new IllegalStateException("details hold an unknown field: " + component);
            }
            return name;
        }

        static Message read(String json, AuthorType authorType, MessageBuilder b) {
            return Json.readOver(json == null ? "{}" : json, BASES.get(authorType), Details.class).into(b).build();
        }

        static Details of(Message m) {
            return new Details(m.type(), m.origin(), m.channel(), m.direction(), m.userColor(), m.internal(),
                    m.detached() ? Boolean.TRUE : null, m.imported() ? Boolean.TRUE : null, m.sendAt(),
                    orNull(m.email(), Send.NONE), orNull(m.sms(), Send.NONE), otherSends(m.sends()),
                    orNull(m.emailOptions(), EmailOptions.NONE), orNull(m.smsOptions(), SmsOptions.NONE),
                    orNull(m.order(), OrderRef.NONE), orNull(m.appointment(), AppointmentRef.NONE),
                    orNull(m.links(), MessageLinks.NONE), orNull(m.suggestedReply(), SuggestedReply.NONE),
                    orNull(m.translation(), Translation.NONE), orNull(m.call(), Call.NONE),
                    m.consentCategoryId(), m.mentions().isEmpty() ? null : m.mentions(),
                    m.files().isEmpty() ? null : m.files(),
                    m.metadata().isEmpty() ? null : m.metadata());
        }

        /**
         * The sends besides email and SMS, keyed by channel name; null for none. Email and SMS keep
         * the fields they had before channels were data ({@code em}, {@code sm}), so rows written
         * before need no migration and a plain message's details stay a few bytes.
         */
        private static Map<DeliveryChannel, Send> otherSends(Sends sends) {
            Map<DeliveryChannel, Send> others = new EnumMap<>(DeliveryChannel.class);
            sends.byChannel().forEach((channel, send) -> {
                if (channel != DeliveryChannel.EMAIL && channel != DeliveryChannel.SMS) {
                    others.put(channel, send);
                }
            });
            return others.isEmpty() ? null : others;
        }

        private Sends sends() {
            Map<DeliveryChannel, Send> all = new EnumMap<>(DeliveryChannel.class);
            if (otherSends != null) {
                all.putAll(otherSends);
            }
            all.put(DeliveryChannel.EMAIL, email);
            all.put(DeliveryChannel.SMS, sms);
            return Sends.of(all);
        }

        private static <T> T orNull(T value, T none) {
            return value.equals(none) ? null : value;
        }

        MessageBuilder into(MessageBuilder b) {
            return b.type(type).origin(origin).channel(channel).direction(direction).userColor(userColor)
                    .internal(internal).detached(Boolean.TRUE.equals(detached)).imported(Boolean.TRUE.equals(imported))
                    .sendAt(sendAt)
                    .sends(sends()).emailOptions(emailOptions).smsOptions(smsOptions).order(order)
                    .appointment(appointment).links(links).suggestedReply(suggestedReply).translation(translation)
                    .call(call).consentCategoryId(consentCategoryId).mentions(mentions).files(files).metadata(metadata);
        }
    }

    /** Reads the {@link #SELECT} columns of a message of {@code tenant} in the given conversation. */
    static MessageRow read(Cells in, Tenant tenant, String conversationId, String customerId) throws SQLException {
        MessageBuilder b = Message.builder()
                .companyId(tenant.companyId())
                .locationId(tenant.locationId())
                .conversationId(conversationId)
                .customerId(customerId);
        String id = in.string();
        try {
            b.id(id)
                    .createdDate(in.instant())
                    .updatedDate(in.instant())
                    .meta(new ChangeMeta(in.string(), in.string(), in.longValue()));
            boolean deleted = in.bool();
            String deletedUser = in.string();
            Instant deletedDate = in.instant();
            String deletedReason = in.string();
            AuthorType authorType = AUTHOR_TYPES.value(in.string());
            b.deletion(deleted ? new Deletion(deletedUser, deletedDate, deletedReason) : null)
                    .authorType(authorType)
                    .userId(in.string())
                    .text(in.string())
                    .clientMessageId(in.string());
            int customerNumber = in.intValue();
            long feedSeq = in.longValue();
            return new MessageRow(Details.read(in.string(), authorType, b), customerNumber, feedSeq);
        } catch (RuntimeException e) {
            throw Unreadable.row("message", id, e);
        }
    }
}
