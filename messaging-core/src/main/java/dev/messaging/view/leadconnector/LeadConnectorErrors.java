package dev.messaging.view.leadconnector;

import dev.messaging.error.FieldError;
import dev.messaging.error.MessagingException;
import dev.messaging.error.ValidationException;
import dev.messaging.view.ApiError;
import java.util.List;

/**
 * LeadConnector error bodies as upstream declares them per status (common-schemas.json), and each
 * domain error's status: a validation error is 422 ({@link UnprocessableDto}: every field problem in
 * {@code message}), forbidden 403 ({@link ForbiddenDto}), not found 404 ({@link NotFoundDto}: a
 * string {@code message} and no {@code error}). Upstream declares no 409 body: a conflict gets the
 * same shape as 403 ({@link ConflictDto}), as does anything else (500). The 400 and 401 bodies are
 * for the service's own checks (a malformed request, a bad token).
 */
public final class LeadConnectorErrors {
    private LeadConnectorErrors() {
    }

    /** One of LeadConnector's error bodies. */
    public sealed interface ErrorBody permits BadRequestDto, UnauthorizedDto, ForbiddenDto, NotFoundDto,
            UnprocessableDto, ConflictDto {
        Integer statusCode();
    }

    /** 400 Bad Request (BadRequestDTO). */
    public record BadRequestDto(Integer statusCode, String message) implements ErrorBody {
    }

    /** 401 Unauthorized (UnauthorizedDTO). */
    public record UnauthorizedDto(Integer statusCode, String message, String error) implements ErrorBody {
    }

    /** 403 Forbidden (ForbiddenDTO). */
    public record ForbiddenDto(Integer statusCode, String message, String error) implements ErrorBody {
    }

    /** 404 Not Found (NotFoundDTO). */
    public record NotFoundDto(Integer statusCode, String message) implements ErrorBody {
    }

    /** 422 Unprocessable Entity (UnprocessableDTO): one message per field problem. */
    public record UnprocessableDto(Integer statusCode, List<String> message, String error) implements ErrorBody {
    }

    /** 409 Conflict, and 500: upstream declares none; the 403 shape. */
    public record ConflictDto(Integer statusCode, String message, String error) implements ErrorBody {
    }

    /** The HTTP status of {@code e}'s body. */
    public static int status(MessagingException e) {
        return ApiError.leadConnectorStatus(e);
    }

    /** The body LeadConnector sends for {@code e}, as upstream shapes it per status. */
    public static ErrorBody body(MessagingException e) {
        int status = status(e);
        return switch (status) {
            case 422 -> new UnprocessableDto(status, e instanceof ValidationException v
                    ? v.errors().stream().map(FieldError::toString).toList() : List.of(e.getMessage()),
                    "Unprocessable Entity");
            case 404 -> new NotFoundDto(status, e.getMessage());
            case 403 -> new ForbiddenDto(status, e.getMessage(), "Forbidden");
            case 409 -> new ConflictDto(status, e.getMessage(), "Conflict");
            default -> new ConflictDto(status, e.getMessage(), "Internal Server Error");
        };
    }
}
