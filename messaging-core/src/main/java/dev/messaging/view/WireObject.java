package dev.messaging.view;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A reference API's JSON object as a class with public fields, for the views that extend one
 * another (a Shopmonkey inbox row is a message with three more fields): any JSON library reads and
 * writes public fields with default settings. Equality, hash and text come from the public fields.
 */
public abstract class WireObject {

    /** For the views that extend it. */
    protected WireObject() {
    }

    private List<Field> fields() {
        List<Field> fields = new ArrayList<>();
        for (Field field : getClass().getFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                fields.add(field);
            }
        }
        return fields;
    }

    private Object value(Field field) {
        try {
            return field.get(this);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || other.getClass() != getClass()) {
            return false;
        }
        WireObject that = (WireObject) other;
        return fields().stream().allMatch(f -> Objects.equals(value(f), that.value(f)));
    }

    @Override
    public int hashCode() {
        return Objects.hash(fields().stream().map(this::value).toArray());
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(getClass().getSimpleName()).append('[');
        for (Field field : fields()) {
            text.append(field.getName()).append('=').append(value(field)).append(", ");
        }
        return text.append(']').toString();
    }
}
