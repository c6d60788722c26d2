package dev.messaging.view.shopmonkey;

import dev.messaging.error.FieldError;
import dev.messaging.error.MessagingException;
import dev.messaging.error.ValidationException;
import dev.messaging.view.ApiError;
import java.util.List;

/**
 * The Shopmonkey 4xx/5xx body: {@code success=false, code, message, documentation_url, data}; for
 * a validation error {@code data} lists the field problems. {@link #status} is the HTTP status.
 */
public record ShopmonkeyError(boolean success, String code, String message, String documentation_url, Object data) {

    /** The error body Shopmonkey sends for {@code e}. */
    public static ShopmonkeyError from(MessagingException e) {
        Object data = e instanceof ValidationException v ? FieldProblem.of(v.errors()) : null;
        return new ShopmonkeyError(false, ApiError.code(e), e.getMessage(), null, data);
    }

    /** The HTTP status of {@code e}. */
    public static int status(MessagingException e) {
        return ApiError.shopmonkeyStatus(e);
    }

    /** One field problem in {@code data}. */
    public record FieldProblem(String field, String problem) {
        static List<FieldProblem> of(List<FieldError> errors) {
            return errors.stream().map(f -> new FieldProblem(f.field(), f.problem())).toList();
        }
    }
}
