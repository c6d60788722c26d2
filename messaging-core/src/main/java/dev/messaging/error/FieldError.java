package dev.messaging.error;

import java.util.Objects;

/**
 * One problem with one field of a request: {@code field} is the request's field name
 * (a dotted path for nested values, e.g. {@code contact.email} or {@code files[2].url}).
 */
public record FieldError(String field, String problem) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(problem, "problem");
    }

    @Override
    public String toString() {
        return field + ": " + problem;
    }
}
