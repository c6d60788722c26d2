package dev.messaging.delivery;

/**
 * A change to a {@link ConsentCategory} (LeadConnector UpdateCustomSubtypeDto): each non-null field
 * replaces its value.
 */
public record ConsentCategoryUpdate(String name, String description, Boolean archived,
        String resubscriptionLegalFormId) {

    /** Archives the category (or brings it back with {@code false}). */
    public static ConsentCategoryUpdate archived(boolean value) {
        return new ConsentCategoryUpdate(null, null, value, null);
    }
}
