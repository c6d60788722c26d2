package dev.messaging.error;

import java.util.List;
import java.util.stream.Collectors;

/** Bad input: lists every problem found, each naming its field. Nothing was written. */
public final class ValidationException extends MessagingException {
    private static final long serialVersionUID = 1L;
    private final transient List<FieldError> errors;

    /** A request with {@code errors}, each naming its field; nothing was written. */
    public ValidationException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ", "invalid request: ", "")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation error needs at least one field error");
        }
        this.errors = List.copyOf(errors);
    }

    /** A validation error with one problem on {@code field}. */
    public static ValidationException of(String field, String problem) {
        return new ValidationException(List.of(new FieldError(field, problem)));
    }

    /** Every problem of the request, each naming its field. */
    public List<FieldError> errors() {
        return errors;
    }

    /** The names of the fields in error, in the order found. */
    public List<String> fields() {
        return errors.stream().map(FieldError::field).toList();
    }
}
