package dev.messaging.kernel;

import dev.messaging.common.Limits;
import dev.messaging.common.Texts;
import dev.messaging.common.WireValue;
import dev.messaging.error.FieldError;
import dev.messaging.error.ValidationException;
import dev.messaging.spi.TextTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects every problem of one request, so that a {@link ValidationException} lists them all.
 * The checks of the bad-input list live here: required fields, lengths, NUL and control
 * characters other than tab, CR and LF, lone surrogates, limits, enum wire values, ids, dates.
 *
 * <p>Ids (of a company, location, user, customer, conversation, message, outlet, of a request, of
 * a provider): well-formed UTF-16, no control character at all, at most {@value #MAX_ID_LENGTH}
 * characters. Dates: between {@link #EARLIEST} and {@link #LATEST}; some fields narrow that.
 */
public final class Validator {
    /** Longest id accepted, in characters (code points). */
    public static final int MAX_ID_LENGTH = Texts.MAX_ID_LENGTH;
    /** The earliest date any field takes: the epoch. */
    public static final Instant EARLIEST = Instant.EPOCH;
    /** The latest date any field takes: the last millisecond of the year 9999. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");
    /** Longest short text (names, subjects, reasons, queries). */
    public static final int MAX_SHORT_TEXT = 1_000;
    public static final int MAX_LIMIT = 100;

    private final Limits limits;
    private final int maxTextLength;
    private final List<FieldError> errors = new ArrayList<>();

    /** A collector of one request's problems, sizes held to {@code limits}. */
    public Validator(Limits limits) {
        this.limits = limits;
        this.maxTextLength = limits.textLength();
    }

    /** The limits sizes are held to. */
    public Limits limits() {
        return limits;
    }

    /** Records a problem of {@code field}. */
    public Validator add(String field, String problem) {
        errors.add(new FieldError(field, problem));
        return this;
    }

    /** Whether a problem was recorded for {@code field} already (a wire value that did not parse, say). */
    public boolean hasErrorOn(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    /** Whether any problem was recorded. */
    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Throws a {@code ValidationException} listing every problem recorded, if any. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** A required long text (a message's text): present, not blank, within the configured length. */
    public void requiredText(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
        } else {
            checkString(field, value, maxTextLength);
        }
    }

    /** An optional long text. */
    public void text(String field, String value) {
        checkString(field, value, maxTextLength);
    }

    /**
     * An optional document (an email's HTML): well-formed text with no length limit of its own; the
     * message's size limit bounds it.
     */
    public void document(String field, String value) {
        checkString(field, value, Integer.MAX_VALUE);
    }

    /** An optional short text. */
    public void shortText(String field, String value) {
        checkString(field, value, MAX_SHORT_TEXT);
    }

    /** A required id: present and well-formed (see {@link Texts#idProblem}). */
    public void requiredId(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
        } else {
            id(field, value);
        }
    }

    /** An optional id: when present, see {@link Texts#idProblem}. */
    public void id(String field, String value) {
        String problem = value == null ? null : Texts.idProblem(value);
        if (problem != null) {
            add(field, problem);
        }
    }

    /** An optional date within the range every store keeps ({@link #EARLIEST} to {@link #LATEST}). */
    public void date(String field, Instant value) {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
            add(field, "must be between " + EARLIEST + " and " + LATEST + ", was " + value);
        }
    }

    /** An optional date of the past: from {@link #EARLIEST} to {@code now}. */
    public void pastDate(String field, Instant value, Instant now) {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(now))) {
            add(field, "must be between " + EARLIEST + " and now (" + now + "), was " + value);
        }
    }

    /** An optional date from {@link #EARLIEST} to {@code latest}. */
    public void dateUpTo(String field, Instant value, Instant latest) {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(latest))) {
            add(field, "must be between " + EARLIEST + " and " + latest + ", was " + value);
        }
    }

    /** A field the request must leave null (say, a customer's send flags). */
    public void absent(String field, Object value, String problem) {
        if (value != null) {
            add(field, problem);
        }
    }

    /**
     * Free-form JSON values by key (a message's or a conversation's {@code metadata}): keys are
     * short texts, values JSON (see {@link JsonValues}: numbers every store keeps exactly), strings
     * checked like texts, nesting, key count and encoded size held to the {@link Limits}.
     */
    public void metadata(String field, Map<String, Object> values) {
        if (values == null) {
            return;
        }
        int before = errors.size();
        values.forEach((key, value) -> {
            if (key == null || key.isBlank()) {
                add(field, "has a blank key");
            } else {
                shortText(field, key);
                jsonValue(field + "." + key, value, 1);
            }
        });
        if (errors.size() > before) {
            return;
        }
        int keys = JsonValues.keyCount(values);
        if (keys > limits.metadataKeys()) {
            add(field, "has more than " + limits.metadataKeys() + " keys (" + keys + ")");
        }
        long bytes = JsonValues.encodedSize(values);
        if (bytes > limits.metadataBytes()) {
            add(field, "is larger than " + limits.metadataBytes() + " bytes as JSON (" + bytes + ")");
        }
    }

    private void jsonValue(String field, Object value, int depth) {
        String problem = JsonValues.problemOf(value, depth, limits.metadataDepth());
        if (problem != null) {
            add(field, problem);
        } else if (value instanceof String text) {
            text(field, text);
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                jsonValue(field + "[" + i + "]", list.get(i), depth + 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                if (!(key instanceof String name) || name.isBlank()) {
                    add(field, "has a blank or non-text key");
                } else {
                    shortText(field, name);
                    jsonValue(field + "." + name, item, depth + 1);
                }
            });
        }
    }

    /** A list of at most {@code max} items (the limit's name for the message), when present. */
    public void atMost(String field, List<?> items, int max, String what) {
        if (items != null && items.size() > max) {
            add(field, "has more than " + max + " " + what + " (" + items.size() + ")");
        }
    }

    /** A required value of any kind: present. */
    public void required(String field, Object value) {
        if (value == null) {
            add(field, "is required");
        }
    }

    /** A page size: null means the default; else 1..100. */
    public int limit(String field, Integer limit, int defaultLimit) {
        if (limit == null) {
            return defaultLimit;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            add(field, "must be between 1 and " + MAX_LIMIT + ", was " + limit);
            return defaultLimit;
        }
        return limit;
    }

    /**
     * The search terms of a text query (see {@link TextTokens}); a query that is not blank but has
     * no word to search for is an error. Null or blank: no terms, no text filter.
     */
    public List<String> searchTerms(String field, String query) {
        shortText(field, query);
        List<String> terms = TextTokens.terms(query);
        if (query != null && !query.isBlank() && terms.isEmpty()) {
            add(field, "has no word to search for");
        }
        return terms;
    }

    /** Parses a wire value, recording an error (and returning null) when it is unknown. */
    <E extends Enum<E> & WireValue> E wire(Class<E> type, String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return WireValue.parse(type, field, value);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    private void checkString(String field, String value, int maxLength) {
        if (value == null) {
            return;
        }
        String problem = Texts.problemOf(value);
        if (problem != null) {
            add(field, problem);
        }
        int length = value.codePointCount(0, value.length());
        if (length > maxLength) {
            add(field, "is longer than " + maxLength + " characters (" + length + ")");
        }
    }

}
