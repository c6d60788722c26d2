package dev.messaging.jdbi;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.messaging.conversation.Contact;
import dev.messaging.message.Delivery;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.EmailDetails;
import dev.messaging.message.MessageFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The JSON columns (files, deliveries, metadata, email details, contact, change payloads),
 * written and read with Jackson. Enums inside them are written by wire value. Empty lists and
 * maps are stored as NULL, so that the common case costs no parsing on the hot path.
 */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule("wire-values")
                    .addSerializer(DeliveryStatus.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(DeliveryStatus value, JsonGenerator gen, SerializerProvider provider)
                                throws IOException {
                            gen.writeString(value.wireValue());
                        }
                    })
                    .addDeserializer(DeliveryStatus.class, new JsonDeserializer<>() {
                        @Override
                        public DeliveryStatus deserialize(JsonParser parser, DeserializationContext context)
                                throws IOException {
                            return DeliveryStatus.fromWire(parser.getValueAsString());
                        }
                    }))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final TypeReference<List<MessageFile>> FILES = new TypeReference<>() { };
    private static final TypeReference<List<Delivery>> DELIVERIES = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() { };

    private Json() {
    }

    /** The JSON of {@code value}, or null for null and for an empty list or map. */
    static String write(Object value) {
        if (value == null || value instanceof Collection<?> c && c.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty()) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON column", e);
        }
    }

    static List<MessageFile> files(String json) {
        return json == null ? List.of() : read(json, FILES);
    }

    static List<Delivery> deliveries(String json) {
        return json == null ? List.of() : read(json, DELIVERIES);
    }

    static Map<String, String> strings(String json) {
        return json == null ? Map.of() : read(json, STRINGS);
    }

    static EmailDetails emailDetails(String json) {
        return json == null ? null : read(json, EmailDetails.class);
    }

    static Contact contact(String json) {
        return json == null ? null : read(json, Contact.class);
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot read JSON column", e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot read JSON column", e);
        }
    }
}
