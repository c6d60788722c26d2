package dev.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.Messaging;
import dev.messaging.change.Change;
import dev.messaging.common.Actor;
import dev.messaging.common.WireValue;
import dev.messaging.conversation.ConversationChannel;
import dev.messaging.conversation.ConversationQuery;
import dev.messaging.conversation.ConversationStatus;
import dev.messaging.error.ValidationException;
import dev.messaging.generated.Cases;
import dev.messaging.generated.Gen;
import dev.messaging.inbox.InboxQuery;
import dev.messaging.message.AppointmentEvent;
import dev.messaging.message.AuthorType;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.Direction;
import dev.messaging.message.EmailDetails;
import dev.messaging.message.EmailOptions;
import dev.messaging.message.MessageFile;
import dev.messaging.message.MessageLinks;
import dev.messaging.message.MessageOrigin;
import dev.messaging.message.MessageQuery;
import dev.messaging.message.MessageType;
import dev.messaging.message.NewMessage;
import dev.messaging.message.OrderRef;
import dev.messaging.message.OrderShareType;
import dev.messaging.message.SuggestedReply;
import dev.messaging.message.SuggestedReplyState;
import dev.messaging.spi.Store;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Generated bad input, at least 10,000 requests per store and run: missing fields, unknown enum
 * strings, oversized text, NUL and control characters, lone surrogates, negative or huge limits,
 * malformed cursors — mixed with unicode and SQL metacharacters in the fields that are fine. Each
 * must fail with a {@link ValidationException} naming the bad field (never another exception) and
 * write nothing.
 */
public abstract class BadInputProperties {
    private static final int TEXT_LIMIT = 500;
    private static final List<Class<? extends WireValue>> ENUMS = List.of(MessageType.class, DeliveryStatus.class,
            AuthorType.class, MessageOrigin.class, OrderShareType.class, SuggestedReplyState.class,
            AppointmentEvent.class, ConversationChannel.class, Direction.class,
            ConversationStatus.class);

    private Messaging messaging;
    private Actor alice;

    protected abstract Store newStore();

    @BeforeEach
    void open() {
        messaging = Messaging.builder(newStore()).maxTextLength(TEXT_LIMIT).build();
        alice = Actor.user("bad-" + UUID.randomUUID(), "loc", "alice");
    }

    @AfterEach
    void close() {
        assertThat(messaging.inbox().list(alice, InboxQuery.all()).items()).as("nothing was written").isEmpty();
        messaging.close();
    }

    /** A bad call and the field its error must name. */
    record BadCall(String field, String description, Supplier<?> call) {
        @Override
        public String toString() {
            return field + ": " + description;
        }
    }

    private void rejects(BadCall bad) {
        List<Change> before = messaging.changes().since(alice, 0, 100);
        Throwable thrown = null;
        try {
            bad.call().get();
        } catch (Throwable t) {
            thrown = t;
        }
        assertThat(thrown).as(bad.toString()).isInstanceOf(ValidationException.class);
        assertThat(((ValidationException) thrown).fields()).as(bad.toString()).contains(bad.field());
        assertThat(messaging.changes().since(alice, 0, 100)).as("nothing written by " + bad).isEqualTo(before);
    }

    // --- ids --------------------------------------------------------------------------------

    /** An id with one thing wrong: a control character (tab and line breaks too), a lone surrogate, too long, blank. */
    static String malformedId(Gen gen) {
        return switch (gen.between(0, 5)) {
            case 0 -> wellFormedId(gen) + (char) gen.between(0x00, 0x1f);
            case 1 -> (char) gen.between(0x7f, 0x9f) + wellFormedId(gen);
            case 2 -> wellFormedId(gen) + "\ud83d";
            case 3 -> "\ude00" + wellFormedId(gen);
            case 4 -> "i".repeat(gen.between(129, 600));
            default -> gen.oneOf(" ", "\t", "   ");
        };
    }

    /** A well-formed id: 1..40 code points of several planes (emoji included), no control character. */
    static String wellFormedId(Gen gen) {
        StringBuilder id = new StringBuilder();
        for (int n = gen.between(1, 40); n > 0; n--) {
            id.appendCodePoint(switch (gen.between(0, 2)) {
                case 0 -> gen.between(0x21, 0x7e);
                case 1 -> gen.between(0xa1, 0x2fff);
                default -> gen.between(0x1f300, 0x1f64f);
            });
        }
        // a blank id (only Unicode spaces such as U+2003) is not a well-formed one: it is refused as blank
        return id.toString().isBlank() ? id.append('x').toString() : id.toString();
    }

    @Test
    void malformedIdsAreRejectedNamingTheField() {
        Cases.run(2_000, gen -> malformedIdIsRejectedNamingTheField(malformedId(gen),
                gen.oneOf("actor.userId", "actor.customerId", "customerId", "clientMessageId", "id")));
    }

    private void malformedIdIsRejectedNamingTheField(String id, String field) {
        Supplier<?> call = switch (field) {
            case "actor.userId" -> () -> Actor.user(alice.tenant().companyId(), "loc", id);
            case "actor.customerId" -> () -> Actor.customer(alice.tenant().companyId(), "loc", id);
            case "customerId" -> () -> messaging.messages().create(alice, NewMessage.to(id, "hi").build());
            case "clientMessageId" -> () -> messaging.messages().create(alice,
                    NewMessage.to("c1", "hi").clientMessageId(id).build());
            default -> () -> messaging.conversations().find(alice, id);
        };
        rejects(new BadCall(field, "id " + id.codePoints().limit(12).boxed().toList(), call));
    }

    @Test
    void wellFormedIdsAreKeptApartExactly() {
        Cases.run(300, gen -> wellFormedIdsAreKeptApartExactly(wellFormedId(gen), wellFormedId(gen)));
    }

    private void wellFormedIdsAreKeptApartExactly(String a, String b) {
        if (a.equals(b)) {
            return;
        }
        String company = "ids-" + UUID.randomUUID();
        Actor user = Actor.user(company, "loc", "u");
        for (String id : List.of(a, b)) {
            messaging.messages().create(Actor.customer(company, "loc", id), NewMessage.to(id, "from " + id).build());
        }
        for (String id : List.of(a, b)) {
            var conversation = messaging.conversations().search(user, ConversationQuery.all().contact(id)).items();
            assertThat(conversation).as("conversations of %s", id).hasSize(1);
            assertThat(conversation.get(0).conversation().customerId()).isEqualTo(id);
            assertThat(conversation.get(0).conversation().lastMessageBody()).isEqualTo("from " + id);
        }
    }

    // --- values ----------------------------------------------------------------------------

    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /** Fine text: any letters, unicode (with surrogate pairs) and SQL metacharacters. */
    static String fineText(Gen gen) {
        return gen.chance(0.5) ? gen.string(1, 30, ALPHANUMERIC)
                : gen.oneOf("Grüße", "東京", "👋🏽", "'; DROP TABLE message;--", "\"quoted\"", "100% _off_", "a\\b",
                        "tab\there", "line\nbreak", "ÆØÅ ñ", "?:name $1");
    }

    /** A string with one thing wrong, and what. */
    static String[] badString(Gen gen, int maxLength) {
        String p = fineText(gen);
        switch (gen.between(0, 5)) {
            case 0:
                return new String[] {p + "\u0000" + p, "NUL"};
            case 1: {
                char c = gen.oneOf(CONTROLS_BUT_TAB_AND_LINE_BREAKS);
                return new String[] {p + c, "control U+" + Integer.toHexString(c)};
            }
            case 2: {
                char c = (char) gen.between(0x7f, 0x9f);
                return new String[] {c + p, "control U+" + Integer.toHexString(c)};
            }
            case 3:
                return new String[] {p + "\ud83d", "lone high surrogate"};
            case 4:
                return new String[] {"\ude00" + p, "lone low surrogate"};
            default: {
                int n = gen.between(maxLength + 1, maxLength + 3_000);
                return new String[] {"x".repeat(n), "length " + n};
            }
        }
    }

    private static final List<Character> CONTROLS_BUT_TAB_AND_LINE_BREAKS = IntStream
            .rangeClosed(0x01, 0x1f).filter(c -> c != '\t' && c != '\r' && c != '\n').mapToObj(c -> (char) c).toList();

    // --- message creates ---------------------------------------------------------------------

    private BadCall badMessage(Gen gen) {
        String f = gen.oneOf("text", "customerId", "clientMessageId", "emailSubject", "orderId",
                "vehicleId", "orderNumber", "userColor", "suggestedReply", "metadata.note", "files[0].url",
                "emailDetails.from", "emailDetails.to[0]", "missing text", "blank text", "missing customer");
        String a = fineText(gen);
        String b = fineText(gen);
        String[] bad = badString(gen, 1_000);
        String[] badLong = badString(gen, TEXT_LIMIT);
        String[] badId = badString(gen, 255);
        NewMessage.Builder m = NewMessage.to("c-" + a.hashCode(), "hello " + b)
                .emailOptions(EmailOptions.subject(a)).order(OrderRef.of(null, b)).metadata(Map.of("k", a));
        String[] used;
        String name = f;
        switch (f) {
            case "text" -> { used = badLong; m.text(used[0]); }
            case "suggestedReply" -> { used = badLong; m.suggestedReply(new SuggestedReply(used[0], null)); }
            case "customerId" -> { used = badId; m.customerId(used[0]); }
            case "clientMessageId" -> { used = badId; m.clientMessageId(used[0]); }
            case "orderId" -> { used = badId; m.order(OrderRef.of(used[0], b)); }
            case "vehicleId" -> { used = badId; m.links(MessageLinks.NONE.withVehicleId(used[0])); }
            case "emailSubject" -> { used = bad; m.emailOptions(EmailOptions.subject(used[0])); }
            case "orderNumber" -> { used = bad; m.order(OrderRef.of(null, used[0])); }
            case "userColor" -> { used = bad; m.userColor(used[0]); }
            case "metadata.note" -> { used = badLong; m.metadata(Map.of("note", used[0])); }
            case "files[0].url" -> {
                used = badLong;
                m.files(List.of(new MessageFile("f1", used[0], null, 1L, "image/png", a)));
            }
            case "emailDetails.from" -> {
                used = bad;
                m.emailOptions(EmailOptions.subject(a).withDetails(new EmailDetails(null, null, null,
                        null, null, used[0], null, null, null, null, null, null)));
            }
            case "emailDetails.to[0]" -> {
                used = badLong;
                m.emailOptions(EmailOptions.subject(a).withDetails(new EmailDetails(null, null, null,
                        null, null, a, List.of(used[0]), null, null, null, null, null)));
            }
            case "missing text" -> { used = new String[] {null, "missing"}; m.text(null); name = "text"; }
            case "blank text" -> { used = new String[] {" \t ", "blank"}; m.text(" \t\n"); name = "text"; }
            default -> {
                used = new String[] {null, "missing"};
                m.customerId(null);
                name = "customerId";
            }
        }
        NewMessage request = m.build();
        return new BadCall(name, used[1], () -> messaging.messages().create(alice, request));
    }

    @Test
    void badMessageCreatesAreRejectedNamingTheField() {
        Cases.run(4_000, gen -> rejects(badMessage(gen)));
    }

    // --- enum strings --------------------------------------------------------------------------

    private static BadCall unknownEnumValue(Gen gen) {
        Class<? extends WireValue> type = gen.oneOf(ENUMS);
        String value = gen.chance(0.5) ? fineText(gen)
                : gen.oneOf("pending", "SENT", "Customer ", "", "null", "TYPE_FAX", "0", "7");
        boolean known = Arrays.stream(type.getEnumConstants()).anyMatch(c -> c.wireValue().equals(value));
        String field = fieldOf(type);
        return new BadCall(field, type.getSimpleName() + " '" + value + "'",
                () -> known ? parseUnknown(type) : parse(type, value));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object parse(Class<? extends WireValue> type, String value) {
        return WireValue.parse((Class) type, fieldOf(type), value);
    }

    private static Object parseUnknown(Class<? extends WireValue> type) {
        return parse(type, "definitely-not-" + type.getSimpleName());
    }

    private static String fieldOf(Class<? extends WireValue> type) {
        String simple = type.getSimpleName();
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }

    @Test
    void unknownEnumValuesAreRejectedNamingTheField() {
        Cases.run(2_000, gen -> rejects(unknownEnumValue(gen)));
    }

    // --- limits and cursors ------------------------------------------------------------------

    /** A limit outside 1..100: the edges a fifth of the time, else anywhere below or above. */
    private static int badLimit(Gen gen) {
        if (gen.chance(0.2)) {
            return gen.oneOf(0, -1, 101, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        return gen.chance(0.5) ? gen.between(Integer.MIN_VALUE, 0) : gen.between(101, Integer.MAX_VALUE);
    }

    private static String badCursor(Gen gen) {
        return switch (gen.between(0, 3)) {
            case 0 -> fineText(gen);
            case 1 -> gen.string(1, 60, '!', '~');
            case 2 -> Base64.getUrlEncoder().encodeToString(fineText(gen).getBytes());
            default -> Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("c1|" + gen.between(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2) + "|abc|id").getBytes());
        };
    }

    private BadCall badPaging(Gen gen) {
        return switch (gen.between(0, 5)) {
            case 0 -> {
                int n = badLimit(gen);
                yield new BadCall("limit", "inbox limit " + n, () -> messaging.inbox().list(alice, InboxQuery.all().limit(n)));
            }
            case 1 -> {
                int n = badLimit(gen);
                yield new BadCall("limit", "search limit " + n,
                        () -> messaging.conversations().search(alice, ConversationQuery.all().limit(n)));
            }
            case 2 -> {
                int n = badLimit(gen);
                yield new BadCall("limit", "feed limit " + n, () -> messaging.changes().since(alice, 0, n));
            }
            case 3 -> {
                String c = badCursor(gen);
                yield new BadCall("after", "inbox cursor " + c,
                        () -> messaging.inbox().list(alice, InboxQuery.all().after(c)));
            }
            case 4 -> {
                String c = badCursor(gen);
                yield new BadCall("after", "search cursor " + c,
                        () -> messaging.conversations().search(alice, ConversationQuery.all().after(c)));
            }
            default -> {
                String c = badCursor(gen);
                String q = fineText(gen);
                yield new BadCall("after", "inbox cursor " + c + " with query " + q,
                        () -> messaging.inbox().list(alice, InboxQuery.all().query("word " + q).after(c)));
            }
        };
    }

    @Test
    void badLimitsAndCursorsAreRejectedNamingTheField() {
        Cases.run(4_000, gen -> rejects(badPaging(gen)));
    }

    @Test
    void badMessageListCursorsAreRejected() {
        Cases.run(200, gen -> {
            String cursor = gen.chance(0.5) ? fineText(gen) : gen.string(1, 60, '!', '~');
            rejects(new BadCall("before", "message cursor " + cursor,
                    () -> messaging.messages().list(alice, "any-conversation", MessageQuery.first().before(cursor))));
        });
    }
}
