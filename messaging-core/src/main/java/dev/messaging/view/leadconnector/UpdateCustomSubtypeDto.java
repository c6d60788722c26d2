package dev.messaging.view.leadconnector;

import dev.messaging.delivery.ConsentCategoryUpdate;

/**
 * LeadConnector UpdateCustomSubtypeDto ({@code PUT /conversations/preferences/custom-subtypes/{id}}):
 * a change to a consent category; each field set replaces its value.
 */
public record UpdateCustomSubtypeDto(String name, String description, Boolean archived,
        String resubscription_legal_form_id) {

    /** The domain change, for {@code consents().updateCategory}. */
    public ConsentCategoryUpdate toUpdate() {
        return new ConsentCategoryUpdate(name, description, archived, resubscription_legal_form_id);
    }
}
