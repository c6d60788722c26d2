package dev.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.common.Actor;
import dev.messaging.Messaging;
import dev.messaging.change.Change;
import dev.messaging.common.WireValue;
import dev.messaging.conversation.ConversationChannel;
import dev.messaging.conversation.ConversationQuery;
import dev.messaging.conversation.ConversationStatus;
import dev.messaging.error.ValidationException;
import dev.messaging.inbox.InboxQuery;
import dev.messaging.message.AppointmentEvent;
import dev.messaging.message.AuthorType;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.Direction;
import dev.messaging.message.EmailDetails;
import dev.messaging.message.EmailOptions;
import dev.messaging.message.MessageLinks;
import dev.messaging.message.OrderRef;
import dev.messaging.message.SuggestedReply;
import dev.messaging.message.MessageFile;
import dev.messaging.message.MessageOrigin;
import dev.messaging.message.MessageQuery;
import dev.messaging.message.MessageType;
import dev.messaging.message.NewMessage;
import dev.messaging.message.OrderShareType;
import dev.messaging.message.SuggestedReplyState;
import dev.messaging.spi.Store;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

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

    @BeforeProperty
    void open() {
        messaging = Messaging.builder(newStore()).maxTextLength(TEXT_LIMIT).build();
        alice = Actor.user("bad-" + UUID.randomUUID(), "loc", "alice");
    }

    @AfterProperty
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
    @Provide
    Arbitrary<String> malformedIds() {
        Arbitrary<String> fine = wellFormedIds();
        return Arbitraries.oneOf(
                Combinators.combine(fine, Arbitraries.chars().range('\u0000', '\u001f'))
                        .as((p, c) -> p + c),
                Combinators.combine(fine, Arbitraries.chars().range('\u007f', '\u009f')).as((p, c) -> c + p),
                fine.map(p -> p + "\ud83d"),
                fine.map(p -> "\ude00" + p),
                Arbitraries.integers().between(129, 600).map(n -> "i".repeat(n)),
                Arbitraries.of(" ", "\t", "   "));
    }

    /** Well-formed ids: 1..40 code points of several planes (emoji included), no control character. */
    @Provide
    Arbitrary<String> wellFormedIds() {
        Arbitrary<Integer> codePoint = Arbitraries.oneOf(Arbitraries.integers().between(0x21, 0x7e),
                Arbitraries.integers().between(0xa1, 0x2fff), Arbitraries.integers().between(0x1f300, 0x1f64f));
        return codePoint.list().ofMinSize(1).ofMaxSize(40).map(points -> {
            StringBuilder id = new StringBuilder();
            points.forEach(id::appendCodePoint);
            return id.toString();
        });
    }

    @Provide
    Arbitrary<String> idFields() {
        return Arbitraries.of("actor.userId", "actor.customerId", "customerId", "clientMessageId", "id");
    }

    @Property(tries = 2_000)
    void malformedIdsAreRejectedNamingTheField(@ForAll("malformedIds") String id, @ForAll("idFields") String field) {
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

    @Property(tries = 300)
    void wellFormedIdsAreKeptApartExactly(@ForAll("wellFormedIds") String a, @ForAll("wellFormedIds") String b) {
        if (a.equals(b)) {
            return;
        }
        String company = "ids-" + UUID.randomUUID();
        Actor user = Actor.user(company, "loc", "u");
        for (String id : List.of(a, b)) {
            messaging.messages().create(Actor.customer(company, "loc", id), NewMessage.to(id, "from " + id).build());
        }
        for (String id : List.of(a, b)) {
            var conversation = messaging.conversations().search(user,
                    dev.messaging.conversation.ConversationQuery.all().contact(id)).items();
            assertThat(conversation).as("conversations of %s", id).hasSize(1);
            assertThat(conversation.get(0).conversation().customerId()).isEqualTo(id);
            assertThat(conversation.get(0).conversation().lastMessageBody()).isEqualTo("from " + id);
        }
    }

    // --- values ----------------------------------------------------------------------------

    /** Fine text: any letters, unicode (with surrogate pairs) and SQL metacharacters. */
    static Arbitrary<String> fineText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(30),
                Arbitraries.of("Grüße", "東京", "👋🏽", "'; DROP TABLE message;--", "\"quoted\"", "100% _off_", "a\\b",
                        "tab\there", "line\nbreak", "ÆØÅ ñ", "?:name $1"));
    }

    /** A string with one thing wrong, and what. */
    static Arbitrary<String[]> badString(int maxLength) {
        Arbitrary<String> prefix = fineText();
        return Arbitraries.oneOf(
                prefix.map(p -> new String[] {p + "\u0000" + p, "NUL"}),
                Combinators.combine(prefix, Arbitraries.chars().range('\u0001', '\u001f')
                        .filter(c -> c != '\t' && c != '\r' && c != '\n'))
                        .as((p, c) -> new String[] {p + c, "control U+" + Integer.toHexString(c)}),
                Combinators.combine(prefix, Arbitraries.chars().range('\u007f', '\u009f'))
                        .as((p, c) -> new String[] {c + p, "control U+" + Integer.toHexString(c)}),
                prefix.map(p -> new String[] {p + "\ud83d", "lone high surrogate"}),
                prefix.map(p -> new String[] {"\ude00" + p, "lone low surrogate"}),
                Arbitraries.integers().between(maxLength + 1, maxLength + 3_000)
                        .map(n -> new String[] {"x".repeat(n), "length " + n}));
    }

    // --- message creates ---------------------------------------------------------------------

    @Provide
    Arbitrary<BadCall> badMessages() {
        Arbitrary<String> fine = fineText();
        Arbitrary<String> field = Arbitraries.of("text", "customerId", "clientMessageId", "emailSubject", "orderId",
                "vehicleId", "orderNumber", "userColor", "suggestedReply", "metadata.note", "files[0].url",
                "emailDetails.from", "emailDetails.to[0]", "missing text", "blank text", "missing customer");
        return Combinators.combine(field, fine, fine, badString(1_000), badString(TEXT_LIMIT), badString(255))
                .as((f, a, b, bad, badLong, badId) -> {
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
                });
    }

    @Property(tries = 4_000)
    void badMessageCreatesAreRejectedNamingTheField(@ForAll("badMessages") BadCall bad) {
        rejects(bad);
    }

    // --- enum strings --------------------------------------------------------------------------

    @Provide
    Arbitrary<BadCall> unknownEnumValues() {
        return Combinators.combine(Arbitraries.of(ENUMS), Arbitraries.oneOf(fineText(),
                        Arbitraries.of("pending", "SENT", "Customer ", "", "null", "TYPE_FAX", "0", "7")))
                .as((type, value) -> {
                    boolean known = java.util.Arrays.stream(type.getEnumConstants())
                            .anyMatch(c -> c.wireValue().equals(value));
                    String field = fieldOf(type);
                    return new BadCall(field, type.getSimpleName() + " '" + value + "'",
                            () -> known ? parseUnknown(type) : parse(type, value));
                });
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

    @Property(tries = 2_000)
    void unknownEnumValuesAreRejectedNamingTheField(@ForAll("unknownEnumValues") BadCall bad) {
        rejects(bad);
    }

    // --- limits and cursors ------------------------------------------------------------------

    @Provide
    Arbitrary<BadCall> badPaging() {
        Arbitrary<Integer> badLimit = Arbitraries.oneOf(Arbitraries.integers().between(Integer.MIN_VALUE, 0),
                Arbitraries.integers().between(101, Integer.MAX_VALUE));
        Arbitrary<String> badCursor = Arbitraries.oneOf(fineText(),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(60),
                fineText().map(t -> java.util.Base64.getUrlEncoder().encodeToString(t.getBytes())),
                Arbitraries.longs().map(n -> java.util.Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(("c1|" + n + "|abc|id").getBytes())));
        return Arbitraries.oneOf(
                badLimit.map(n -> new BadCall("limit", "inbox limit " + n,
                        () -> messaging.inbox().list(alice, InboxQuery.all().limit(n)))),
                badLimit.map(n -> new BadCall("limit", "search limit " + n,
                        () -> messaging.conversations().search(alice, ConversationQuery.all().limit(n)))),
                badLimit.map(n -> new BadCall("limit", "feed limit " + n,
                        () -> messaging.changes().since(alice, 0, n))),
                badCursor.map(c -> new BadCall("after", "inbox cursor " + c,
                        () -> messaging.inbox().list(alice, InboxQuery.all().after(c)))),
                badCursor.map(c -> new BadCall("after", "search cursor " + c,
                        () -> messaging.conversations().search(alice, ConversationQuery.all().after(c)))),
                Combinators.combine(badCursor, fineText()).as((c, q) -> new BadCall("after",
                        "inbox cursor " + c + " with query " + q,
                        () -> messaging.inbox().list(alice, InboxQuery.all().query("word " + q).after(c)))));
    }

    @Property(tries = 4_000)
    void badLimitsAndCursorsAreRejectedNamingTheField(@ForAll("badPaging") BadCall bad) {
        rejects(bad);
    }

    @Provide
    Arbitrary<String> badCursors() {
        return Arbitraries.oneOf(fineText(), Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(60));
    }

    @Property(tries = 200)
    void badMessageListCursorsAreRejected(@ForAll("badCursors") String cursor) {
        rejects(new BadCall("before", "message cursor " + cursor,
                () -> messaging.messages().list(alice, "any-conversation", MessageQuery.first().before(cursor))));
    }
}
