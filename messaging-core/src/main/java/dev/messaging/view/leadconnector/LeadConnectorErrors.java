package dev.messaging.view.leadconnector;

import dev.messaging.error.FieldError;
import dev.messaging.error.MessagingException;
import dev.messaging.error.ValidationException;
import dev.messaging.view.ApiError;
import java.util.List;

/**
 * LeadConnector error bodies and each domain error's status: a validation error is 422 with every
 * field problem in {@code message}; not found 404, conflict 409, forbidden 403 (the reference's
 * 400 and 401 bodies are {@link BadRequestDto} and {@link UnauthorizedDto}).
 */
public final class LeadConnectorErrors {
    private LeadConnectorErrors() {
    }

    /** 400 Bad Request. */
    public record BadRequestDto(Integer statusCode, String message) {
    }

    /** 401 Unauthorized. */
    public record UnauthorizedDto(Integer statusCode, String message, String error) {
    }

    /** 422 Unprocessable Entity, and the body for 403, 404, 409. */
    public record ErrorDto(Integer statusCode, List<String> message, String error) {
    }

    public static int status(MessagingException e) {
        return ApiError.leadConnectorStatus(e);
    }

    public static ErrorDto body(MessagingException e) {
        int status = status(e);
        List<String> messages = e instanceof ValidationException v
                ? v.errors().stream().map(FieldError::toString).toList() : List.of(e.getMessage());
        String error = switch (status) {
            case 422 -> "Unprocessable Entity";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 403 -> "Forbidden";
            default -> "Internal Server Error";
        };
        return new ErrorDto(status, messages, error);
    }
}
