package dev.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.messaging.delivery.Consent;
import dev.messaging.delivery.ConsentCategory;
import dev.messaging.delivery.ConsentCategoryUpdate;
import dev.messaging.delivery.Outgoing;
import dev.messaging.error.NotFoundException;
import dev.messaging.error.ValidationException;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.Message;
import dev.messaging.message.NewMessage;
import dev.messaging.view.leadconnector.CreateCustomSubtypeDto;
import dev.messaging.view.leadconnector.SendMessageBodyDto;
import dev.messaging.view.leadconnector.SubscriptionActionDto;
import dev.messaging.view.leadconnector.UserSubscriptionChangeDto;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Consent per category (LeadConnector's custom subtypes), on a store: categories created, listed,
 * renamed and archived; a customer's status per category and channel; a send in a category the
 * customer unsubscribed from on its channel ends OptOut — at creation, or at its claim when the
 * consent changed since — while their other sends go.
 */
public abstract class ConsentCategoryContract extends ContractSupport {
    private ConsentCategory marketing;
    private ConsentCategory reminders;

    @BeforeEach
    void categories() {
        addressed(alice, "c1");
        marketing = messaging.consents().createCategory(alice, "Marketing", "offers and news", null, "en");
        tick();
        reminders = messaging.consents().createCategory(alice, "Reminders", null, DeliveryChannel.SMS, null);
    }

    private Message send(String text, String category, boolean sms, boolean email) {
        return messaging.messages().create(alice, NewMessage.to("c1", text).sendSms(sms).sendEmail(email)
                .consentCategoryId(category).build());
    }

    @Test
    void categoriesAreListedOldestFirstRenamedAndArchivedAndReadBack() {
        assertThat(messaging.consents().categories(alice)).extracting(ConsentCategory::name)
                .containsExactly("Marketing", "Reminders");
        assertThat(messaging.consents().categories(alice).get(1).channel()).isEqualTo(DeliveryChannel.SMS);
        tick();
        ConsentCategory renamed = messaging.consents().updateCategory(alice, marketing.id(),
                new ConsentCategoryUpdate("Offers", "deals", null, "form-7"));
        assertThat(renamed.name()).isEqualTo("Offers");
        assertThat(renamed.updatedDate()).isAfter(marketing.updatedDate());
        ConsentCategory archived = messaging.consents().updateCategory(alice, reminders.id(),
                ConsentCategoryUpdate.archived(true));
        assertThat(messaging.consents().categories(alice)).containsExactly(renamed, archived);
        assertThat(archived.archived()).isTrue();
        assertThat(renamed.resubscriptionLegalFormId()).isEqualTo("form-7");
    }

    @Test
    void aSecondCategoryOfTheSameNameAnInAppOneAndAnUnknownOneAreRefusedAndWriteNothing() {
        Object before = snapshot();
        assertThat(catchThrowableOfType(ValidationException.class, () -> messaging.consents()
                .createCategory(alice, "marketing", null, null, null)).fields()).containsExactly("name");
        assertThat(catchThrowableOfType(ValidationException.class, () -> messaging.consents()
                .createCategory(alice, "Alerts", null, DeliveryChannel.IN_APP, null)).fields()).containsExactly("channel");
        assertThat(catchThrowableOfType(ValidationException.class, () -> messaging.consents()
                .updateCategory(alice, reminders.id(), new ConsentCategoryUpdate("MARKETING", null, null, null)))
                .fields()).containsExactly("name");
        catchThrowableOfType(NotFoundException.class, () -> messaging.consents().updateCategory(alice, "nope",
                ConsentCategoryUpdate.archived(true)));
        assertUnchangedSince(before);
        assertThat(messaging.consents().categories(alice)).hasSize(2);
    }

    @Test
    void aSendInACategoryTheCustomerLeftOnItsChannelEndsOptOutAndTheirOtherSendsGo() {
        messaging.consents().set(alice, "c1", DeliveryChannel.SMS, marketing.id(), false, "screen", "no offers");
        Message offer = send("20% off", marketing.id(), true, true);
        assertThat(offer.sms().status()).isEqualTo(DeliveryStatus.OPT_OUT);
        assertThat(offer.sms().error()).isEqualTo("the customer unsubscribed from Marketing on sms");
        assertThat(offer.email().status()).as("unsubscribed on SMS only").isEqualTo(DeliveryStatus.PENDING);
        assertThat(send("your appointment is at 3", reminders.id(), true, false).sms().status())
                .isEqualTo(DeliveryStatus.PENDING);
        assertThat(send("your car is ready", null, true, false).sms().status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(messaging.consents().of(alice, "c1")).contains(new Consent("c1", DeliveryChannel.SMS, marketing.id(),
                false, clock.instant(), "screen", "no offers"));
        // the channel as a whole still holds every category
        messaging.consents().set(alice, "c1", DeliveryChannel.EMAIL, false, "screen", "no email");
        assertThat(send("news", marketing.id(), false, true).email().status()).isEqualTo(DeliveryStatus.OPT_OUT);
    }

    @Test
    void leadConnectorsSubtypeAndSubscriptionPayloadsHoldASendByItsCustomSubtype() {
        ConsentCategory newsletter = new CreateCustomSubtypeDto("Newsletter", "weekly", "email", "en")
                .create(messaging, alice);
        assertThat(newsletter.channel()).isEqualTo(DeliveryChannel.EMAIL);
        new UserSubscriptionChangeDto(location, "c1", "c1@example.com", new SubscriptionActionDto("custom", null,
                newsletter.id(), "unsubscribed"), "asked by phone", null).apply(messaging, alice);
        SendMessageBodyDto body = new SendMessageBodyDto("Email", null, "c1", null, null, null, null, null, null,
                "This week", "News", null, null, null, null, null, null, newsletter.id(), null, null, null, null, null,
                null, null);
        Message held = messaging.messages().create(alice, body.toNewMessage());
        assertThat(held.email().status()).isEqualTo(DeliveryStatus.OPT_OUT);
        assertThat(held.consentCategoryId()).isEqualTo(newsletter.id());
        assertThat(send("your car is ready", null, false, true).email().status()).isEqualTo(DeliveryStatus.PENDING);

        new UserSubscriptionChangeDto(location, "c1", "c1@example.com", new SubscriptionActionDto("default",
                "One on One", null, "unsubscribed"), null, null).apply(messaging, alice);
        assertThat(send("your car is ready", null, false, true).email().status()).isEqualTo(DeliveryStatus.OPT_OUT);
        List<Consent> back = new UserSubscriptionChangeDto(location, "c1", "c1@example.com",
                new SubscriptionActionDto("resub_all", null, null, "subscribed"), "signed the form", null)
                .apply(messaging, alice);
        assertThat(back).hasSize(2).allMatch(Consent::subscribed);
        assertThat(messaging.messages().create(alice, body.toNewMessage()).email().status())
                .isEqualTo(DeliveryStatus.PENDING);
        assertThat(messaging.consents().categories(alice)).extracting(ConsentCategory::name).contains("Newsletter");
        assertThat(catchThrowableOfType(ValidationException.class, () -> new CreateCustomSubtypeDto("Fax", null,
                "fax", "en").create(messaging, alice)).fields()).containsExactly("channel");
    }

    @Test
    void aConsentChangedAfterTheSendWasCreatedHoldsItAtItsClaim() {
        Message offer = send("20% off", marketing.id(), true, false);
        assertThat(offer.sms().status()).isEqualTo(DeliveryStatus.PENDING);
        messaging.consents().set(alice, "c1", DeliveryChannel.SMS, marketing.id(), false, "screen", "no offers");
        List<Outgoing> handed = messaging.deliveries().claim(DeliveryChannel.SMS, 1_000, Duration.ofMinutes(5))
                .stream().filter(o -> o.tenant().equals(alice.tenant())).toList();
        assertThat(handed).as("not handed to a sender").isEmpty();
        assertThat(messaging.messages().find(alice, offer.id()).orElseThrow().sms().status())
                .isEqualTo(DeliveryStatus.OPT_OUT);
        messaging.consents().set(alice, "c1", DeliveryChannel.SMS, marketing.id(), true, "screen", "back");
        assertThat(send("more offers", marketing.id(), true, false).sms().status()).isEqualTo(DeliveryStatus.PENDING);
    }

    @Test
    void aMessageNamingAnUnknownArchivedOrOtherChannelCategoryIsRefusedAndWritesNothing() {
        messaging.consents().updateCategory(alice, marketing.id(), new ConsentCategoryUpdate(null, null, null, null));
        ConsentCategory old = messaging.consents().createCategory(alice, "Old", null, null, null);
        messaging.consents().updateCategory(alice, old.id(), ConsentCategoryUpdate.archived(true));
        Object before = snapshot();
        for (String category : List.of("no-such-category", old.id())) {
            assertThat(catchThrowableOfType(ValidationException.class, () -> send("x", category, true, false))
                    .fields()).as(category).containsExactly("consentCategoryId");
        }
        assertThat(catchThrowableOfType(ValidationException.class, () -> send("x", reminders.id(), false, true))
                .getMessage()).contains("sms only");
        assertThat(catchThrowableOfType(ValidationException.class, () -> messaging.consents().set(alice, "c1",
                DeliveryChannel.EMAIL, reminders.id(), false, "screen", null)).fields()).containsExactly("categoryId");
        assertUnchangedSince(before);
    }
}
