package dev.messaging.view;

import dev.messaging.error.ConflictException;
import dev.messaging.error.ForbiddenException;
import dev.messaging.error.MessagingException;
import dev.messaging.error.NotFoundException;
import dev.messaging.error.ValidationException;

/**
 * The HTTP status each domain error maps to in the reference APIs: validation 400 (Shopmonkey)
 * or 422 (LeadConnector's "Unprocessable Entity"), not found 404, conflict 409, forbidden 403;
 * anything else 500.
 */
public final class ApiError {
    private ApiError() {
    }

    /** The HTTP status Shopmonkey answers {@code e} with. */
    public static int shopmonkeyStatus(MessagingException e) {
        return e instanceof ValidationException ? 400 : common(e);
    }

    /** The HTTP status LeadConnector answers {@code e} with. */
    public static int leadConnectorStatus(MessagingException e) {
        return e instanceof ValidationException ? 422 : common(e);
    }

    private static int common(MessagingException e) {
        if (e instanceof NotFoundException) {
            return 404;
        }
        if (e instanceof ConflictException) {
            return 409;
        }
        if (e instanceof ForbiddenException) {
            return 403;
        }
        return 500;
    }

    /** A short machine-readable code for the error kind. */
    public static String code(MessagingException e) {
        if (e instanceof ValidationException) {
            return "validation_error";
        }
        if (e instanceof NotFoundException) {
            return "not_found";
        }
        if (e instanceof ConflictException) {
            return "conflict";
        }
        return e instanceof ForbiddenException ? "forbidden" : "error";
    }
}
