package dev.messaging.view.shopmonkey;

import dev.messaging.conversation.Contact;

/** The {@code customer} of a Shopmonkey inbox row: the conversation's contact snapshot. */
public record ShopmonkeyCustomer(String id, String customerType, String firstName, String lastName,
        String companyName) {

    static ShopmonkeyCustomer from(String customerId, Contact contact) {
        return contact == null ? new ShopmonkeyCustomer(customerId, null, null, null, null)
                : new ShopmonkeyCustomer(customerId, contact.customerType(), contact.firstName(), contact.lastName(),
                        contact.companyName());
    }
}
