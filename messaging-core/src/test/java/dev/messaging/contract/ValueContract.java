package dev.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.messaging.common.Tenant;
import dev.messaging.conversation.Conversation;
import dev.messaging.conversation.ConversationUpdate;
import dev.messaging.conversation.NewConversation;
import dev.messaging.error.ValidationException;
import dev.messaging.generated.Cases;
import dev.messaging.generated.Gen;
import dev.messaging.history.ImportedConversation;
import dev.messaging.history.ImportedMessage;
import dev.messaging.inbox.InboxQuery;
import dev.messaging.message.EmailDetails;
import dev.messaging.message.EmailOptions;
import dev.messaging.message.Message;
import dev.messaging.message.MessageFile;
import dev.messaging.message.NewMessage;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Free-form values on every store: every value accepted reads back equal (numbers of any size and
 * scale, deep and wide objects, every code point class), the rest is a {@code ValidationException}
 * naming the field that writes nothing, the same on every write path; sizes held to the limits.
 */
public abstract class ValueContract extends ContractSupport {
    /** The ways metadata is written; each must accept and refuse the same values. */
    private enum Path {
        MESSAGE, CONVERSATION_CREATE, CONVERSATION_UPDATE, IMPORT
    }

    private int customers;

    /** Writes {@code metadata} by {@code path}; returns what the write gave back (message or conversation metadata). */
    private Map<String, Object> write(Path path, Map<String, Object> metadata) {
        String customer = "v" + (++customers);
        tick();
        return switch (path) {
            case MESSAGE -> messaging.messages().create(customer(customer),
                    NewMessage.to(customer, "hi").metadata(metadata).build()).metadata();
            case CONVERSATION_CREATE -> messaging.conversations().create(alice,
                    NewConversation.forCustomer(customer).withMetadata(metadata)).metadata();
            case CONVERSATION_UPDATE -> {
                Conversation c = messaging.conversations().create(alice, NewConversation.forCustomer(customer));
                Object before = snapshot();
                try {
                    yield messaging.conversations().update(alice, c.id(), ConversationUpdate.empty().metadata(metadata))
                            .metadata();
                } catch (ValidationException e) {
                    assertUnchangedSince(before);
                    throw e;
                }
            }
            case IMPORT -> {
                messaging.imports().history(system, List.of(ImportedConversation.of(
                        NewConversation.forCustomer(customer).withMetadata(metadata),
                        List.of(ImportedMessage.fromCustomer(clock.instant().minusSeconds(60),
                                NewMessage.to(customer, "old").metadata(metadata).build())))));
                Map<String, Object> conversation = conversationOf(customer).metadata();
                assertThat(allMessages(conversationOf(customer).id()).get(0).metadata()).isEqualTo(conversation);
                yield conversation;
            }
        };
    }

    /** What the store gives back now for the last write by {@code path}. */
    private Map<String, Object> readBack(Path path) {
        String customer = "v" + customers;
        Conversation c = conversationOf(customer);
        if (path == Path.MESSAGE) {
            Message last = allMessages(c.id()).get(0);
            assertThat(messaging.messages().find(alice, last.id()).orElseThrow().metadata()).isEqualTo(last.metadata());
            return last.metadata();
        }
        return messaging.conversations().find(alice, c.id()).orElseThrow().metadata();
    }

    @Test
    void generatedMetadataReadsBackEqualOrIsRefusedNamingTheFieldOnEveryPath() {
        int[] accepted = new int[1];
        int[] refused = new int[1];
        Cases.run(240, gen -> {
            Path path = gen.oneOf(Path.values());
            Map<String, Object> metadata = gen.map(6, () -> gen.string(1, 12, "abcdefghij_"), () -> jsonValue(gen, 1));
            Object before = snapshot();
            ValidationException e = null;
            Map<String, Object> written = null;
            try {
                written = write(path, metadata);
            } catch (ValidationException refusal) {
                e = refusal;
            }
            if (e != null) {
                refused[0]++;
                String conversation = path == Path.IMPORT ? "conversations[0].conversation." : "";
                String message = "conversations[0].messages[0].content.";
                assertThat(e.fields()).as("%s %s", path, e.getMessage()).allMatch(f -> f.startsWith(conversation
                        + "metadata") || f.startsWith(message + "metadata") || f.startsWith(message + "message"));
                if (path != Path.CONVERSATION_UPDATE) {
                    assertUnchangedSince(before);
                }
                return;
            }
            accepted[0]++;
            assertThat(sameNumbers(written, metadata)).as("%s kept %s as %s", path, metadata, written).isTrue();
            assertThat(readBack(path)).as(path.name()).isEqualTo(written);
        });
        // the generator must exercise both sides, or the test proves nothing
        assertThat(accepted[0]).isGreaterThan(20);
        assertThat(refused[0]).isGreaterThan(20);
        assertThat(allPages(alice, InboxQuery.all())).isNotEmpty();
        assertThat(messaging.verify(new Tenant(company, location)).mismatches()).isEmpty();
    }

    /** A JSON value of any kind, hostile numbers and code points included, sometimes too deep. */
    private static Object jsonValue(Gen gen, int depth) {
        int kind = gen.between(0, depth > 18 ? 6 : 9);
        return switch (kind) {
            case 0 -> null;
            case 1 -> gen.chance(0.5);
            case 2 -> gen.unicode(0, 20);
            case 3 -> gen.oneFrom(() -> gen.between(Long.MIN_VALUE, Long.MAX_VALUE), () -> gen.between(-1000, 1000));
            case 4 -> new BigInteger(gen.between(1, 130), new java.util.Random(gen.between(0L, Long.MAX_VALUE)))
                    .multiply(BigInteger.valueOf(gen.chance(0.5) ? 1 : -1));
            case 5 -> new BigDecimal(new BigInteger(gen.oneOf(gen.between(1, 120), gen.between(1, 4000)),
                    new java.util.Random(gen.between(0L, Long.MAX_VALUE))).multiply(BigInteger.TEN.pow(gen.between(0, 3))),
                    gen.oneOf(gen.between(-500, 600), gen.between(1, 6)));
            case 6 -> gen.oneFrom(() -> Double.longBitsToDouble(gen.between(Long.MIN_VALUE, Long.MAX_VALUE)),
                    () -> (double) gen.between(-1_000_000, 1_000_000) / 100, () -> (float) gen.between(-9, 9) / 8);
            case 7, 8 -> gen.list(0, 4, () -> jsonValue(gen, depth + 1));
            default -> gen.map(4, () -> gen.string(1, 6, "xyz"), () -> jsonValue(gen, depth + 1));
        };
    }

    /** Whether {@code kept} holds the values of {@code given}, numbers equal in value. */
    private static boolean sameNumbers(Object kept, Object given) {
        if (given instanceof Number number) {
            return kept instanceof Number k && decimal(k).compareTo(decimal(number)) == 0;
        }
        if (given instanceof Map<?, ?> map) {
            if (!(kept instanceof Map<?, ?> k) || k.size() != map.size()) {
                return given.equals(Map.of()) && kept instanceof Map<?, ?> empty && empty.isEmpty();
            }
            return map.entrySet().stream().allMatch(e -> sameNumbers(k.get(e.getKey()), e.getValue()));
        }
        if (given instanceof List<?> list) {
            return kept instanceof List<?> k && k.size() == list.size()
                    && IntStream.range(0, list.size()).allMatch(i -> sameNumbers(k.get(i), list.get(i)));
        }
        return java.util.Objects.equals(kept, given);
    }

    private static BigDecimal decimal(Number n) {
        return n instanceof BigDecimal d ? d : n instanceof BigInteger i ? new BigDecimal(i)
                : n instanceof Double || n instanceof Float ? BigDecimal.valueOf(n.doubleValue())
                : BigDecimal.valueOf(n.longValue());
    }

    private void refusedOnEveryPath(Map<String, Object> metadata, String field, String problem) {
        for (Path path : Path.values()) {
            Object before = snapshot();
            ValidationException e = catchThrowableOfType(ValidationException.class, () -> write(path, metadata));
            String prefix = path == Path.IMPORT ? "conversations[0].conversation." : "";
            assertThat(e).as(path.name()).isNotNull();
            assertThat(e.errors()).as(path.name()).anySatisfy(error -> {
                assertThat(error.field()).isEqualTo(prefix + field);
                assertThat(error.problem()).contains(problem);
            });
            if (path != Path.CONVERSATION_UPDATE) {
                assertUnchangedSince(before);
            }
        }
    }

    @Test
    void numbersNoStoreKeepsExactlyAreRefusedOnEveryPath() {
        refusedOnEveryPath(Map.of("n", new BigDecimal("1." + "3".repeat(1_000))), "metadata.n",
                "more than 34 significant digits");
        refusedOnEveryPath(Map.of("n", BigInteger.TWO.pow(64)), "metadata.n", "beyond the 64-bit range");
        refusedOnEveryPath(Map.of("deep", List.of(Map.of("n", new BigDecimal("1E+30")))), "metadata.deep[0].n",
                "beyond the 64-bit range");
        refusedOnEveryPath(Map.of("n", new BigDecimal("1E-401")), "metadata.n", "more than 400 digits after the point");
        refusedOnEveryPath(Map.of("n", Double.NaN), "metadata.n", "not a finite number");
    }

    @Test
    void numbersKeepTheirValueAndScaleOnEveryPath() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("price", new BigDecimal("1.50"));
        metadata.put("tiny", Double.MIN_VALUE);
        metadata.put("max", Long.MAX_VALUE);
        metadata.put("thousand", new BigDecimal("1E+3"));
        metadata.put("wide", new BigDecimal("-0." + "9".repeat(33)));
        metadata.put("small", 3);
        for (Path path : Path.values()) {
            Map<String, Object> written = write(path, metadata);
            assertThat(written).as(path.name()).containsEntry("price", new BigDecimal("1.50"))
                    .containsEntry("tiny", new BigDecimal("4.9E-324")).containsEntry("max", Long.MAX_VALUE)
                    .containsEntry("thousand", 1000L).containsEntry("small", 3L)
                    .containsEntry("wide", new BigDecimal("-0." + "9".repeat(33)));
            assertThat(readBack(path)).as(path.name()).isEqualTo(written);
        }
    }

    @Test
    void sizesPastTheLimitsAreRefusedNamingTheFieldAndTheLimit() {
        Map<String, Object> wide = new LinkedHashMap<>();
        IntStream.range(0, 300).forEach(i -> wide.put("k" + i, i));
        refusedOnEveryPath(wide, "metadata", "more than 256 keys (300)");
        Map<String, Object> large = new LinkedHashMap<>();
        IntStream.range(0, 40).forEach(i -> large.put("k" + i, "x".repeat(1_000)));
        refusedOnEveryPath(large, "metadata", "larger than 32768 bytes as JSON");
        Object deep = 1;
        for (int i = 0; i < 16; i++) {
            deep = List.of(deep);
        }
        refusedOnEveryPath(Map.of("d", deep), "metadata.d" + "[0]".repeat(16), "nests deeper than 16 levels");

        Object before = snapshot();
        List<MessageFile> files = new ArrayList<>();
        IntStream.range(0, 26).forEach(i -> files.add(new MessageFile("f" + i, "https://x/" + i, null, 1L, null, null)));
        assertRefused(NewMessage.to("c1", "hi").files(files).build(), "files", "more than 25 files (26)");
        List<String> to = Collections.nCopies(101, "ann@example.com");
        EmailDetails details = new EmailDetails(null, null, null, List.of(), null, null, to, List.of(), List.of(), null,
                null, null);
        assertRefused(NewMessage.to("c1", "hi").emailOptions(new EmailOptions(null, null, details)).build(),
                "emailDetails.to", "more than 100 addresses (101)");
        List<String> long100 = Collections.nCopies(100, "y".repeat(1_400) + "@example.com");
        EmailDetails large100 = new EmailDetails(null, null, null, long100, null, null, long100, List.of(), List.of(),
                null, null, null);
        assertRefused(NewMessage.to("c1", "hi").emailOptions(new EmailOptions(null, null, large100)).build(), "message",
                "larger than 262144 bytes");
        assertUnchangedSince(before);
    }

    private void assertRefused(NewMessage request, String field, String problem) {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> messaging.messages().create(alice, request));
        assertThat(e).as(field).isNotNull();
        assertThat(e.errors()).as(field).anySatisfy(error -> {
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.problem()).contains(problem);
        });
    }
}
