package dev.messaging.jdbi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.messaging.common.WireValue;
import dev.messaging.conversation.Contact;
import dev.messaging.message.MessageChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;

/**
 * The JSON columns (a message's details, a contact, a change's payload), written and read with
 * Jackson: enums by their wire value, dates as ISO-8601 text, null fields left out, integers as
 * {@code Long} and fractions as {@code BigDecimal} (as core normalizes free-form values, so that a
 * value read back equals the value written).
 */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(wireValues())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // a message's details are merged over a base as a tree: keep a decimal's scale there (1.50 stays 1.50)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.USE_DEFAULTS));
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private Json() {
    }

    /** Every enum of core by its wire value ({@link WireValue}), both ways. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SimpleModule wireValues() {
        SimpleModule module = new SimpleModule("wire-values");
        module.addSerializer(new StdSerializer<>(WireValue.class) {
            @Override
            public void serialize(WireValue value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.wireValue());
            }
        });
        module.setDeserializers(new SimpleDeserializers() {
            @Override
            public JsonDeserializer<?> findEnumDeserializer(Class<?> type, DeserializationConfig config,
                    BeanDescription description) {
                if (!WireValue.class.isAssignableFrom(type)) {
                    return null;
                }
                return new JsonDeserializer<Object>() {
                    @Override
                    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                        return WireValue.parse((Class) type, parser.currentName(), parser.getValueAsString());
                    }
                };
            }
        });
        // A message type is not an enum: an unknown one is kept as it came. (Added after
        // setDeserializers, which replaces the set this adds to.)
        module.addDeserializer(MessageChannel.class, new JsonDeserializer<>() {
            @Override
            public MessageChannel deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                return MessageChannel.fromWire(parser.getValueAsString());
            }
        });
        return module;
    }

    /** The JSON of {@code value}, or null for null and for an empty list or map. */
    static String write(Object value) {
        if (value == null || value instanceof Collection<?> c && c.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty()) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON column", e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return json == null ? null : MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot read a JSON column", e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot read a JSON column as " + type.getSimpleName(), e);
        }
    }

    /**
     * The JSON of {@code value} less what it shares with {@code base}: a field equal to the base's
     * is left out, a field the base has and the value lacks is written as null, objects are compared
     * field by field. {@link #readOver} puts the base back; the pair round-trips exactly whatever the
     * base, which only decides how small the common case is.
     */
    static String writeOver(Object value, ObjectNode base) {
        return rewriteOver(MAPPER.valueToTree(value), base);
    }

    /** {@code full} (a JSON object) as {@link #writeOver} writes it. */
    static String rewriteOver(ObjectNode full, ObjectNode base) {
        try {
            return MAPPER.writeValueAsString(without(full, base));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON column", e);
        }
    }

    /** What {@link #writeOver} wrote over {@code base}, as {@code type}. */
    static <T> T readOver(String json, ObjectNode base, Class<T> type) {
        try {
            return MAPPER.treeToValue(over((ObjectNode) MAPPER.readTree(json), base), type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot read a JSON column as " + type.getSimpleName(), e);
        }
    }

    /** A JSON object literal, for a base of {@link #writeOver}. */
    static ObjectNode objectNode(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static ObjectNode without(ObjectNode full, ObjectNode base) {
        ObjectNode out = MAPPER.createObjectNode();
        full.properties().forEach(field -> {
            JsonNode value = field.getValue();
            JsonNode common = base.get(field.getKey());
            if (value instanceof ObjectNode object && common instanceof ObjectNode commonObject) {
                ObjectNode rest = without(object, commonObject);
                if (!rest.isEmpty()) {
                    out.set(field.getKey(), rest);
                }
            } else if (!value.equals(common)) {
                out.set(field.getKey(), value);
            }
        });
        base.fieldNames().forEachRemaining(name -> {
            if (!full.has(name)) {
                out.putNull(name);
            }
        });
        return out;
    }

    private static ObjectNode over(ObjectNode rest, ObjectNode base) {
        ObjectNode full = base.deepCopy();
        rest.properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                full.remove(field.getKey());
            } else if (value instanceof ObjectNode object && base.get(field.getKey()) instanceof ObjectNode common) {
                full.set(field.getKey(), over(object, common));
            } else {
                full.set(field.getKey(), value);
            }
        });
        return full;
    }

    static Contact contact(String json) {
        return read(json, Contact.class);
    }

    /** A JSON object column as core holds one (integers Long, fractions BigDecimal); empty for null. */
    static Map<String, Object> object(String json) {
        return map(json, OBJECT);
    }

    static Map<String, String> strings(String json) {
        return map(json, STRINGS);
    }

    private static <V> Map<String, V> map(String json, TypeReference<Map<String, V>> type) {
        if (json == null) {
            return Map.of();
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot read a JSON column", e);
        }
    }
}
