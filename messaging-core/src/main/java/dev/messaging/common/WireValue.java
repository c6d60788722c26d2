package dev.messaging.common;

import dev.messaging.error.ValidationException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** An enum constant with the exact string the reference APIs use for it on the wire. */
public interface WireValue {
    /** The value as the reference APIs spell it on the wire. */
    String wireValue();

    /**
     * Parses a wire value strictly (exact, case-sensitive match).
     *
     * @throws ValidationException naming {@code field} when the value is null or unknown
     */
    static <E extends Enum<E> & WireValue> E parse(Class<E> type, String field, String value) {
        if (value != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.wireValue().equals(value)) {
                    return constant;
                }
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants())
                .map(WireValue::wireValue).collect(Collectors.joining(", "));
        throw ValidationException.of(field, "unknown value '" + value + "', expected one of: " + allowed);
    }
}
